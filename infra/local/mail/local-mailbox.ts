/**
 * Where mail goes locally: by default an outbox folder in the data folder, one `.eml` file
 * per message (owner-only, as everything there; any mail reader opens them); or, when
 * SMTP_URL names a server, that server. nodemailer builds and relays the messages: it
 * runs only in the local runtime, never in a Lambda function (on AWS, SES sends).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';

export interface LocalMail {
  from: string;
  to: readonly string[];
  subject: string;
  text: string;
}

export interface LocalMailbox {
  /** Delivers one message; returns its id. */
  deliver(mail: LocalMail): Promise<string>;
  /** Where messages go, for the start-up log. */
  readonly description: string;
  close(): void;
}

export const outboxFolder = (dataDir: string) => join(dataDir, 'outbox');

/** The `.eml` files of the data folder's outbox, named by time and id (they sort by time). */
export class OutboxFolder implements LocalMailbox {
  readonly description: string;

  constructor(private readonly folder: string) {
    this.description = `the outbox folder ${folder}`;
  }

  async deliver(mail: LocalMail): Promise<string> {
    const id = `${randomUUID()}@langson-progress.local`;
    const raw = await new MailComposer({
      from: mail.from,
      to: [...mail.to],
      subject: mail.subject,
      text: mail.text,
      messageId: `<${id}>`,
      date: new Date(),
    })
      .compile()
      .build();
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    await writeFile(join(this.folder, `${stamp}-${id.split('@')[0]}.eml`), raw, {
      mode: 0o600,
      flag: 'wx',
    });
    return id;
  }

  close(): void {}
}

/** An SMTP server named by URL: `smtp://host:25`, `smtps://user:password@host:465`. */
export class SmtpRelay implements LocalMailbox {
  readonly description: string;
  readonly #transport: Transporter;

  constructor(url: string) {
    const parsed = new URL(url);
    this.description = `the SMTP server ${parsed.protocol}//${parsed.host}`;
    this.#transport = createTransport(url);
  }

  async deliver(mail: LocalMail): Promise<string> {
    const info = await this.#transport.sendMail({
      from: mail.from,
      to: [...mail.to],
      subject: mail.subject,
      text: mail.text,
    });
    return String(info.messageId);
  }

  close(): void {
    this.#transport.close();
  }
}
