/**
 * `npm run dead-letters -- list|replay [--queues] [--data-dir DIR]`: the events whose
 * delivery kept failing, kept by the running local platform's event bus; with `--queues`,
 * the queues' messages that failed on every delivery (the mail queue's), put back on their
 * queue by `replay`.
 */
import { parseCommandLine, runCommand, UsageError } from '#functions/cli/command-line.ts';
import { dataDirOf, DATA_DIR_OPTION } from '#functions/cli/command-table.ts';
import { call, connect } from './runtime-client.ts';

const USAGE = 'usage: npm run dead-letters -- list|replay [--queues] [--data-dir DIR]';
const DEAD_LETTERS_COMMAND = {
  usage: USAGE,
  options: { queues: { type: 'boolean' }, ...DATA_DIR_OPTION },
  positionals: { min: 1, max: 1 },
} as const;

runCommand(USAGE, async () => {
  const { values, positionals } = parseCommandLine(DEAD_LETTERS_COMMAND, process.argv.slice(2));
  const [command] = positionals;
  if (command !== 'list' && command !== 'replay') {
    throw new UsageError(`unknown command ${command}; the commands are list, replay`);
  }
  const { runtime, adminToken } = await connect(dataDirOf(values['data-dir']));
  const letters = `${runtime.controlUrl}/${values.queues ? 'queue-dead-letters' : 'dead-letters'}`;
  const result =
    command === 'list'
      ? await call(letters, adminToken)
      : await call(`${letters}/replay`, adminToken, { method: 'POST' });
  console.log(JSON.stringify(result, null, 2));
  return 0;
});
