/**
 * DynamoDB capacity per accepted report, counted on the real path by the capacity proxy.
 * Handlers read DYNAMODB_ENDPOINT once, when their module loads, and the platform loads
 * them on first use: this script loads them first, the submit handler under one proxy and
 * the event consumers under another, so every request is attributed to its caller without
 * guessing from timing (the risk evaluator starts before the report's response is out).
 * Reports go one at a time, each to the end of its event's deliveries: one on each task,
 * counted apart, then a second on each, the steady state of a task reported on.
 *
 * The authorizer was loaded during start-up: its reads are counted by running its use case
 * (authenticate with DynamoTokenStore) through a proxy. API Gateway caches its answer for
 * 60 s, so on AWS it runs once per token per minute, not per report.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDocumentClient } from '#shared/adapters/aws-clients.ts';
import { DynamoTokenStore } from '#shared/adapters/dynamodb/token-store.ts';
import { HANDLERS, type HandlerName } from '#shared/platform/handlers.ts';
import { authenticate } from '#shared/use-cases/access.ts';
import { LOCAL_TABLE_NAME, startPlatform } from '#infra/local/platform.ts';
import {
  startCapacityProxy,
  summarise,
  type CapacityLine,
  type CapacityProxy,
} from '../lib/capacity-proxy.ts';
import { REPO_ROOT, runMeasurement } from '../lib/child.ts';
import { reportRequest, REPORTED_TASKS } from './tasks.ts';

export interface SubmissionCapacity {
  reports: number;
  /** Per accepted report on a task reported before: what the submit handler issues. */
  request: CapacityLine[];
  /** Per accepted report on a task reported before: what its event causes (risk evaluation). */
  event: CapacityLine[];
  /**
   * The same for the first report on each task, which usually changes its risk (a flag
   * written, a transition announced) and warms the caches (the registry, the plans'
   * versions); absent in results from before it was measured apart.
   */
  firstReport?: { request: CapacityLine[]; event: CapacityLine[] };
  /** Per authorization (once per token per cache period). */
  authorizer: CapacityLine[];
  conditionFailures: number;
}

/** Loads a handler module with DYNAMODB_ENDPOINT pointing at `proxy`; the platform reuses it. */
async function loadThrough(name: HandlerName, proxy: CapacityProxy): Promise<void> {
  const previous = process.env.DYNAMODB_ENDPOINT;
  process.env.DYNAMODB_ENDPOINT = proxy.endpoint;
  try {
    await import(pathToFileURL(join(REPO_ROOT, HANDLERS[name].entry)).href);
  } finally {
    process.env.DYNAMODB_ENDPOINT = previous;
  }
}

runMeasurement(async () => {
  const reports = Number(process.argv[2] ?? 22);
  const dataDir = await mkdtemp(join(tmpdir(), 'langson-bench-capacity-'));
  const platform = await startPlatform({ host: '127.0.0.1', port: 0, dataDir, logFormat: 'json' });
  const store = process.env.DYNAMODB_ENDPOINT ?? '';
  const [request, event, auth] = await Promise.all([
    startCapacityProxy(store),
    startCapacityProxy(store),
    startCapacityProxy(store),
  ]);
  try {
    await loadThrough('submitReport', request);
    await loadThrough('evaluateTaskRisk', event);
    await loadThrough('notifyRisk', event);

    const tokenOf = (agencyId: string) => platform.tokens.agencies[agencyId] ?? '';
    const tokens = new DynamoTokenStore(createDocumentClient(auth.endpoint), LOCAL_TABLE_NAME);
    const reporter = REPORTED_TASKS[0]?.agencyId ?? '';
    if (!(await authenticate(tokenOf(reporter), tokens, new Date()))) {
      throw new Error('the token was refused');
    }

    // One report on each of `reports` tasks, then a second one on each.
    const tasks = REPORTED_TASKS.slice(0, reports);
    const round = async (prefix: string) => {
      for (let n = 0; n < tasks.length; n++) {
        const { agencyId, path, idempotencyKey, body } = reportRequest(prefix, n, tasks);
        const response = await fetch(`${platform.url}${path}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${tokenOf(agencyId)}`,
            'content-type': 'application/json',
            'idempotency-key': idempotencyKey,
          },
          body,
        });
        if (response.status !== 201) {
          throw new Error(`report ${n} answered ${response.status}: ${await response.text()}`);
        }
        await platform.bus.drain();
      }
      const records = { request: request.take(), event: event.take() };
      if (records.request.length < tasks.length) {
        throw new Error('the submit handler did not talk through the proxy: was it loaded before?');
      }
      return records;
    };
    const first = await round('capacity-first');
    const later = await round('capacity-later');
    return {
      reports: tasks.length,
      request: summarise(later.request, tasks.length),
      event: summarise(later.event, tasks.length),
      firstReport: {
        request: summarise(first.request, tasks.length),
        event: summarise(first.event, tasks.length),
      },
      authorizer: summarise(auth.take(), 1),
      conditionFailures: [...later.request, ...later.event].filter((r) => r.conditionFailed).length,
    } satisfies SubmissionCapacity;
  } finally {
    await platform.close();
    await Promise.all([request.close(), event.close(), auth.close()]);
    await rm(dataDir, { recursive: true, force: true });
  }
});
