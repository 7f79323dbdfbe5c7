/**
 * `npm run rollup -- PERIOD [--data-dir DIR]`: take a period's snapshots now on the
 * running local platform: preliminary before the period's deadline, the official one after
 * it, then a revision when later data changed anything. PERIOD is a period code: 2026-Q3,
 * 2026-09, 2026-H1, 2026-9M or 2026. The rollup runs as a job: its progress is told on
 * stderr as it goes, its result printed when it is done.
 */
import { randomUUID } from 'node:crypto';
import { parseCommandLine, runCommand, UsageError } from '#functions/cli/command-line.ts';
import { dataDirOf, DATA_DIR_OPTION } from '#functions/cli/command-table.ts';
import { periodCodeSchema } from '#shared/domain/period/period.ts';
import { connect, runJob } from './runtime-client.ts';

const USAGE =
  'usage: npm run rollup -- PERIOD (2026-Q3, 2026-09, 2026-H1, 2026-9M, 2026) [--data-dir DIR]';
const ROLLUP_COMMAND = {
  usage: USAGE,
  options: { ...DATA_DIR_OPTION },
  positionals: { min: 1, max: 1 },
} as const;

runCommand(USAGE, async () => {
  const { values, positionals } = parseCommandLine(ROLLUP_COMMAND, process.argv.slice(2));
  const [period = ''] = positionals;
  const parsed = periodCodeSchema.safeParse(period);
  if (!parsed.success) {
    throw new UsageError(
      `${period} is not a period code: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  }
  const { runtime, adminToken } = await connect(dataDirOf(values['data-dir']));
  const result = await runJob(runtime.apiUrl, `/rollups/${parsed.data}/runs`, adminToken, {
    headers: { 'idempotency-key': randomUUID() },
  });
  console.log(JSON.stringify(result, null, 2));
  return 0;
});
