/**
 * A bundle's cold start, as Lambda pays it, in a fresh `node` process (no tsx, no loader):
 * the Init phase (importing the bundle, which builds the handler and whatever the module
 * builds at load) and then the first invocation with a representative event, which pays
 * for whatever was left for later (modules imported lazily, SDK parts loaded on first use,
 * credentials, signing, the first run of the handler's path). Timing the import alone
 * would flatter any code that defers its work to the first call.
 *
 * The environment is a Lambda function's: the variables the handlers validate at import,
 * the Lambda markers Powertools and the SDK look for, credentials in the environment as the
 * runtime provides them, `--enable-source-maps` as the CDK app sets it in NODE_OPTIONS, and
 * `AWS_ENDPOINT_URL` pointing every SDK client at aws-stub.ts.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import * as z from 'zod';

const PROBE = `
import { readFileSync, writeSync } from 'node:fs';
const [file, eventFile] = process.argv.slice(1);
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
const context = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'bench',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:ap-southeast-1:000000000000:function:bench',
  memoryLimitInMB: '1024',
  awsRequestId: 'bench-request',
  logGroupName: '/aws/lambda/bench',
  logStreamName: 'bench',
  getRemainingTimeInMillis: () => 10000,
};
const cpu = () => { const { user, system } = process.cpuUsage(); return (user + system) / 1000; };
const [started, startedCpu] = [performance.now(), cpu()];
const { handler } = await import(file);
const [loaded, loadedCpu] = [performance.now(), cpu()];
let outcome;
try {
  const response = await handler(event, context);
  outcome = typeof response?.statusCode === 'number' ? String(response.statusCode) : 'returned';
} catch (error) {
  outcome = 'threw ' + (error?.name ?? 'error') + ': ' + String(error?.message).slice(0, 60);
}
const [invoked, invokedCpu] = [performance.now(), cpu()];
writeSync(3, JSON.stringify({
  importMs: loaded - started,
  importCpuMs: loadedCpu - startedCpu,
  firstCallMs: invoked - loaded,
  firstCallCpuMs: invokedCpu - loadedCpu,
  outcome,
}));
process.exit(0);
`;

/** Lambda's environment for a bundle, its SDK clients pointed at `endpoint`. */
export function lambdaEnv(endpoint: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_OPTIONS: '--enable-source-maps',
    TZ: ':UTC',
    AWS_REGION: 'ap-southeast-1',
    AWS_DEFAULT_REGION: 'ap-southeast-1',
    AWS_LAMBDA_FUNCTION_NAME: 'bench',
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
    AWS_ACCESS_KEY_ID: 'ASIABENCHMARK',
    AWS_SECRET_ACCESS_KEY: 'benchmark-secret',
    AWS_SESSION_TOKEN: 'benchmark-session',
    _X_AMZN_TRACE_ID: 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
    AWS_ENDPOINT_URL: endpoint,
    TABLE_NAME: 'langson-progress',
    EVENT_BUS_NAME: 'langson-progress-bus',
    RISK_TOPIC_ARN: 'arn:aws:sns:ap-southeast-1:000000000000:langson-risks',
    MAIL_QUEUE_URL: 'https://sqs.ap-southeast-1.amazonaws.com/000000000000/langson-mail',
    MAIL_FROM: 'no-reply@langson.gov.vn',
    PUBLIC_BASE_URL: 'https://tiendo.langson.gov.vn',
    LARGE_BODY_BUCKET: 'langson-large-bodies',
    POWERTOOLS_SERVICE_NAME: 'langson-progress',
    POWERTOOLS_METRICS_NAMESPACE: 'LangSonProgress',
    POWERTOOLS_LOG_LEVEL: 'INFO',
    // Lambda runs Node.js 24, where the SDK has no Node-version notice to print at import.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

const coldStartSampleSchema = z.object({
  /** The Init phase: importing the bundle. */
  importMs: z.number(),
  /**
   * The CPU time the process spent on it (every thread): steadier than the wall clock when
   * other work shares the cores, since waiting for a core is not counted.
   */
  importCpuMs: z.number(),
  /** The first invocation, right after. */
  firstCallMs: z.number(),
  firstCallCpuMs: z.number(),
  /** The first invocation's status code, `returned`, or `threw …`: which path it took. */
  outcome: z.string(),
});
export type ColdStartSample = z.infer<typeof coldStartSampleSchema>;

/** Writes an event where a probe can read it. */
export async function writeEvent(file: string, event: unknown): Promise<string> {
  await writeFile(file, JSON.stringify(event));
  return file;
}

export async function measureColdStart(
  file: string,
  eventFile: string,
  env: NodeJS.ProcessEnv,
): Promise<ColdStartSample> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', PROBE, file, eventFile], {
    env,
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  let stderr = '';
  let result = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  child.stdio[3]?.on('data', (chunk: Buffer) => (result += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0 || !result) throw new Error(`probe of ${file} exited with ${code}: ${stderr}`);
  return coldStartSampleSchema.parse(JSON.parse(result));
}
