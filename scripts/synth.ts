/**
 * `npm run synth`: synthesizes the CDK app offline (no AWS account, no Docker), with
 * cdk-nag's checks, and reports how long it took. Part of `npm test`.
 */
import { spawnSync } from 'node:child_process';

const started = process.hrtime.bigint();
const result = spawnSync('npx', ['cdk', 'synth', '--quiet', '--output', '.tmp/cdk.out'], {
  stdio: 'inherit',
});
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`cdk synth: ${result.status === 0 ? 'ok' : 'FAILED'} in ${seconds.toFixed(1)} s`);
process.exit(result.status ?? 1);
