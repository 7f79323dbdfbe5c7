/**
 * The local SQS and SES endpoints through the real SDK clients and the platform's own
 * adapters: a message queued reaches the consumer, a mail sent lands in the outbox folder
 * (owner-only) or on an SMTP server.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSesClient, createSqsClient } from '#shared/adapters/aws-clients.ts';
import { SesMailSender } from '#shared/adapters/ses/ses-mail-sender.ts';
import { SqsMailQueue } from '#shared/adapters/sqs/mail-queue.ts';
import { OutboxFolder, SmtpRelay } from '#infra/local/mail/local-mailbox.ts';
import { LocalQueue } from '#infra/local/queues/local-queue.ts';
import { startSesEndpoint } from '#infra/local/ses-endpoint.ts';
import { startSqsEndpoint } from '#infra/local/sqs-endpoint.ts';
import { QUEUES } from '#shared/platform/queues.ts';

const MAIL = {
  to: ['vanthu@soyte.langson.gov.vn'],
  subject: 'Nhắc gửi báo cáo Quý IV/2026',
  text: 'Kính gửi: Sở Y tế\n\nHạn gửi báo cáo Quý IV/2026 là hết ngày 18/12/2026.\n',
};

let folder: string;
const servers: Server[] = [];

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'langson-mail-'));
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
  await rm(folder, { recursive: true, force: true });
});

describe('the local SQS endpoint', () => {
  it('takes the mail queue’s batches and hands each body to the consumer', async () => {
    // Prepare
    const bodies: string[] = [];
    const [declaration] = QUEUES;
    if (!declaration) throw new Error('no queue declared');
    const queue = new LocalQueue({
      declaration,
      url: 'https://sqs.local.amazonaws.com/000000000000/mail',
      invoke: async (_consumer, event) => {
        bodies.push(...event.Records.map((record) => record.body));
        return { batchItemFailures: [] };
      },
      deadLetters: { add: async () => undefined },
    });
    queue.start();
    const { endpoint, server } = await startSqsEndpoint([queue], join(folder, 'sqs.sock'));
    servers.push(server);
    const client = createSqsClient(endpoint);

    // Act
    await new SqsMailQueue(client, queue.url).enqueue(['msg_1', 'msg_2']);
    await queue.drain();

    // Assess
    expect(bodies).toEqual(['{"messageId":"msg_1"}', '{"messageId":"msg_2"}']);
    client.destroy();
  });
});

describe('the local SES endpoint', () => {
  it('writes each mail to the outbox folder as an .eml only its owner can read', async () => {
    // Prepare
    const outbox = join(folder, 'outbox');
    const { endpoint, server } = await startSesEndpoint(
      new OutboxFolder(outbox),
      join(folder, 'ses.sock'),
    );
    servers.push(server);
    const client = createSesClient(endpoint);

    // Act
    const id = await new SesMailSender(client, 'no-reply@langson.gov.vn').send(MAIL);

    // Assess
    const [file, ...others] = await readdir(outbox);
    expect(others).toEqual([]);
    const raw = await readFile(join(outbox, file ?? ''), 'utf8');
    expect(raw).toContain('From: no-reply@langson.gov.vn');
    expect(raw).toContain('To: vanthu@soyte.langson.gov.vn');
    expect(raw).toContain(`Message-ID: <${id}>`);
    expect(raw).toContain('Content-Type: text/plain; charset=utf-8');
    expect((await stat(join(outbox, file ?? ''))).mode & 0o777).toBe(0o600);
    expect((await stat(outbox)).mode & 0o777).toBe(0o700);
    client.destroy();
  });

  it('relays each mail to the SMTP server configured', async () => {
    // Prepare
    const received: { from: string; to: string[]; data: string }[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            data: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((done) => smtp.listen(0, '127.0.0.1', done));
    const port = (smtp.server.address() as { port: number }).port;
    const relay = new SmtpRelay(`smtp://127.0.0.1:${port}`);
    const { endpoint, server } = await startSesEndpoint(relay, join(folder, 'ses.sock'));
    servers.push(server);
    const client = createSesClient(endpoint);

    // Act
    await new SesMailSender(client, 'no-reply@langson.gov.vn').send(MAIL);

    // Assess
    expect(received).toEqual([
      {
        from: 'no-reply@langson.gov.vn',
        to: ['vanthu@soyte.langson.gov.vn'],
        data: expect.stringContaining('Subject: =?UTF-8?Q?Nh=E1=BA=AFc_g=E1=BB=ADi'),
      },
    ]);
    relay.close();
    client.destroy();
    await new Promise<void>((done) => smtp.close(done));
  });

  it('answers 500 when the mailbox refuses, so the sender fails and the queue retries', async () => {
    // Prepare
    const refusing = {
      description: 'a broken mailbox',
      deliver: async () => {
        throw new Error('disk full');
      },
      close: () => undefined,
    };
    const { endpoint, server } = await startSesEndpoint(refusing, join(folder, 'ses.sock'));
    servers.push(server);
    const client = createSesClient(endpoint);

    // Act
    const sending = new SesMailSender(client, 'no-reply@langson.gov.vn').send(MAIL);

    // Assess
    await expect(sending).rejects.toThrow('disk full');
    client.destroy();
  });
});
