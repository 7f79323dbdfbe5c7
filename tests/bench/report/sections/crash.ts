/** BENCHMARKS.md's record of the last `npm run crash-test -- --record` (results/crash-test.json). */
import type { CrashTestOutcome } from '../../../../scripts/crash-restart.ts';
import { int, num, table } from '../format.ts';

export function crashSection(outcome: CrashTestOutcome | null): string {
  if (!outcome) return '';
  return `## 6. Crash and restart

**What it checks.** \`npm run crash-test\` (\`scripts/crash-restart.ts\`): the local runtime
killed with SIGKILL once half of ${int(outcome.submissions)} submissions from ${outcome.clients} clients are
acknowledged, restarted on the same data folder, and every submission retried by its client
until acknowledged; then the store is reconciled: every acknowledged report stored once,
one report per key, one audit entry per report, each agency's latest state and each task's
summary on the newest report, and a rollup that counts exactly what is stored. Last run
with \`-- --record\` on ${outcome.recordedOn}:

${table(
  [
    'sent',
    'acknowledged',
    'stored',
    'lost',
    'doubled',
    'audit entries',
    'keys interrupted',
    'down',
    'reconciled',
  ],
  [
    [
      int(outcome.sent),
      int(outcome.acknowledged),
      int(outcome.stored),
      int(outcome.lost),
      int(outcome.doubled),
      int(outcome.auditEntries),
      int(outcome.interruptedKeys),
      `${num(outcome.secondsDown)} s`,
      outcome.reconciled ? 'yes' : '**no**',
    ],
  ],
)}

"Sent" counts every request, retries included; "lost" is acknowledged and not stored;
"doubled" is a report id stored twice, or more reports than keys.
`;
}
