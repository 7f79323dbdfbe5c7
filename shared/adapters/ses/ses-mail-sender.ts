/**
 * Sends mail through Amazon SES (API v2) from the platform's verified identity, as plain
 * UTF-8 text.
 */
import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { MailSender, OutgoingMail } from '#shared/use-cases/reminders/reminder-ports.ts';

export class SesMailSender implements MailSender {
  constructor(
    private readonly ses: Pick<SESv2Client, 'send'>,
    /** The sending address, of the identity the function may send from. */
    private readonly from: string,
  ) {}

  async send(mail: OutgoingMail): Promise<string> {
    const { MessageId } = await this.ses.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [...mail.to] },
        Content: {
          Simple: {
            Subject: { Data: mail.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
          },
        },
      }),
    );
    if (!MessageId) throw new Error('SES accepted the message without an id');
    return MessageId;
  }
}
