/**
 * A bundle's module initialisation, as a Lambda cold start pays it: a fresh `node` process
 * (no tsx, no loader) imports the bundled file and reports how long the import took, and
 * how long since the process began. The environment is a Lambda function's: the variables
 * the handlers validate at import, the Lambda markers Powertools looks for, and the
 * `--enable-source-maps` the CDK app sets in NODE_OPTIONS.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

const PROBE = `
const started = performance.now();
await import(process.argv[1]);
const loaded = performance.now();
process.stdout.write(JSON.stringify({ importMs: loaded - started, sinceStartMs: loaded }));
process.exit(0);
`;

export const LAMBDA_ENV: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  NODE_OPTIONS: '--enable-source-maps',
  AWS_REGION: 'ap-southeast-1',
  AWS_LAMBDA_FUNCTION_NAME: 'bench',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024',
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
  TABLE_NAME: 'langson-progress',
  EVENT_BUS_NAME: 'langson-progress-bus',
  RISK_TOPIC_ARN: 'arn:aws:sns:ap-southeast-1:000000000000:langson-risks',
  POWERTOOLS_SERVICE_NAME: 'langson-progress',
  POWERTOOLS_METRICS_NAMESPACE: 'LangSonProgress',
  POWERTOOLS_LOG_LEVEL: 'INFO',
  // Lambda runs Node.js 24, where the SDK has no Node-version notice to print at import.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

export interface InitSample {
  importMs: number;
  sinceStartMs: number;
}

export async function measureInit(
  file: string,
  env: NodeJS.ProcessEnv = LAMBDA_ENV,
): Promise<InitSample> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', PROBE, file], {
    env,
    timeout: 60_000,
  });
  return JSON.parse(stdout) as InitSample;
}
