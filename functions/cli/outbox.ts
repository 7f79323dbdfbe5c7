/**
 * The outbox (an administrator's command line): the messages the reminders composed,
 * newest first, and one message in full.
 *
 *   npm run --silent outbox                 one JSON line per message: when, kind, period,
 *                                           recipient, addresses, state, subject
 *   npm run --silent outbox -- --limit 200
 *   npm run --silent outbox -- show msg_…   the message as sent (or as it will read)
 *
 * Against the running local platform (found through --data-dir, DATA_DIR or .data), or the
 * table TABLE_NAME names. Locally, each message the platform delivered is also an .eml file
 * in the data folder's `outbox/` (unless SMTP_URL sends them to a server).
 */
import { outboxStores } from '#shared/adapters/dynamodb/outbox-stores.ts';
import { renderMessage } from '#shared/domain/reminder/message-text.ts';
import type { OutboxMessage } from '#shared/domain/reminder/outbox-message.ts';
import { readRuntimeInfo } from '#infra/local/runtime-file.ts';
import { CommandError, parseCommandLine, runCommand, UsageError } from './command-line.ts';
import { commandTable, DATA_DIR_OPTION, dataDirOf } from './command-table.ts';

const USAGE = `usage: npm run --silent outbox -- [--limit N]
       npm run --silent outbox -- show MESSAGE_ID
       (each with [--data-dir DIR] for a local platform other than .data's)`;

const OUTBOX_COMMAND = {
  usage: USAGE,
  options: { limit: { type: 'string' }, ...DATA_DIR_OPTION },
  positionals: { max: 2 },
} as const;

/** The words of a message: as sent, else as they will read under the app's address. */
function wordsOf(message: OutboxMessage, baseUrl: string) {
  return message.sent ?? renderMessage(message.content, baseUrl);
}

/** Where the links of a message not yet sent point: PUBLIC_BASE_URL, else the local platform. */
async function baseUrlOf(dataDirFlag: string | undefined): Promise<string> {
  if (process.env.PUBLIC_BASE_URL) return process.env.PUBLIC_BASE_URL;
  return (await readRuntimeInfo(dataDirOf(dataDirFlag)))?.apiUrl ?? '';
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(OUTBOX_COMMAND, argv);
  const [command = 'list', id] = positionals;
  if (command !== 'list' && command !== 'show') {
    throw new UsageError(`unknown command ${command}; the commands are list, show`);
  }
  if (command === 'show' && id === undefined) throw new UsageError('show needs a MESSAGE_ID');
  if (command === 'list' && id !== undefined) throw new UsageError(`unexpected argument ${id}`);
  const limit = Number(values.limit ?? 50);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new UsageError('--limit takes a whole number from 1 to 1000');
  }
  const { db, tableName } = await commandTable(values['data-dir']);
  const { outbox } = outboxStores(db, tableName);
  const baseUrl = await baseUrlOf(values['data-dir']);

  if (command === 'show') {
    const message = await outbox.get(id ?? '');
    if (!message) throw new CommandError(`no message ${id}`);
    const { subject, text } = wordsOf(message, baseUrl);
    process.stdout.write(`To: ${message.to.join(', ')}\nSubject: ${subject}\n\n${text}`);
    return 0;
  }
  const { items } = await outbox.list(limit);
  for (const message of items) {
    console.log(
      JSON.stringify({
        id: message.id,
        createdAt: message.createdAt,
        kind: message.kind,
        period: message.period,
        recipient: message.content.recipient.name,
        to: message.to,
        state: message.state,
        sentAt: message.sentAt,
        failures: message.failures,
        lastError: message.lastError,
        subject: wordsOf(message, baseUrl).subject,
      }),
    );
  }
  return 0;
}

runCommand(USAGE, () => main(process.argv.slice(2)));
