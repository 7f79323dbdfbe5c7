/**
 * The contract as clients use it: Redocly's linter (its built-in rules, as errors) finds
 * nothing in the document; the types openapi-typescript generates from it are the ones
 * committed; and a client built with openapi-fetch from those types, on the server the
 * document names, works unchanged against the running platform, problems included.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { openApiDocument } from '#functions/api/schemas/openapi-document.ts';
import { formatPeriod } from '#shared/domain/period/period.ts';
import { currentPeriod } from '#shared/domain/period/period-relations.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import type { paths } from './openapi/api.ts';
import { generateOpenApiTypes, GENERATED_TYPES_FILE } from './openapi/generate-types.ts';

const exec = promisify(execFile);
const lintReportSchema = z.object({
  totals: z.object({ errors: z.number(), warnings: z.number(), ignored: z.number() }),
  problems: z.array(z.object({ ruleId: z.string(), message: z.string() }).loose()),
});
const REDOCLY = 'node_modules/@redocly/cli/bin/cli.js';
const LEAD = 'so-nong-nghiep-va-moi-truong';

let platform: TestPlatform;
let scratch: string;
beforeAll(async () => {
  platform = await startTestPlatform();
  scratch = await mkdtemp(join(tmpdir(), 'langson-contract-'));
});
afterAll(async () => {
  await platform.stop();
  await rm(scratch, { recursive: true, force: true });
});

/** A client as a user of the API builds it: the document's first server, from where it is served. */
async function generatedClient(token: string | null) {
  const documentUrl = `${platform.url}/openapi.json`;
  const served = z
    .object({ servers: z.array(z.object({ url: z.string() })).min(1) })
    .parse(await (await fetch(documentUrl)).json());
  const baseUrl = new URL(served.servers[0]?.url ?? '', documentUrl).href;
  const client = createClient<paths>({ baseUrl });
  if (token) {
    client.use({
      onRequest: ({ request }) => {
        request.headers.set('authorization', `Bearer ${token}`);
        return request;
      },
    });
  }
  return client;
}

describe('the OpenAPI document', () => {
  it("passes Redocly's lint, every rule an error, offline", async () => {
    // Prepare
    const file = join(scratch, 'openapi.json');
    await writeFile(file, JSON.stringify(openApiDocument()));

    // Act
    const { stdout } = await exec(
      process.execPath,
      [REDOCLY, 'lint', file, '--config', 'redocly.yaml', '--format', 'json'],
      {
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true' },
        timeout: 120_000,
      },
    ).catch((error: { stdout: string }) => ({ stdout: error.stdout }));

    // Assess
    const report = lintReportSchema.parse(JSON.parse(stdout));
    expect(report.problems).toEqual([]);
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 });
  });

  it('generates, with openapi-typescript, the types committed beside this test', async () => {
    // Act
    const generated = await generateOpenApiTypes();

    // Assess: if this fails, run `npm run openapi:types` and commit the result.
    expect(generated).toBe(await readFile(GENERATED_TYPES_FILE, 'utf8'));
  });
});

describe('a client generated from the document', () => {
  it('lists tasks', async () => {
    // Prepare
    const client = await generatedClient(platform.tokens.viewer);

    // Act
    const { data, response } = await client.GET('/tasks', {
      params: { query: { sector: 'agriculture', limit: 3 } },
    });

    // Assess
    expect(response.status).toBe(200);
    expect(data?.items).toHaveLength(3);
    expect(data?.items.every((task) => task.sector === 'agriculture')).toBe(true);
  });

  it('submits a report, runs a rollup and reads the snapshot as CSV', async () => {
    // Prepare
    const agency = await generatedClient(platform.tokens.agencies[LEAD] ?? null);
    const admin = await generatedClient(platform.tokens.admin);
    const viewer = await generatedClient(platform.tokens.viewer);
    const period = formatPeriod(currentPeriod('quarter', new Date()));

    // Act
    const submitted = await agency.POST('/tasks/{taskId}/reports', {
      params: { path: { taskId: 'KH266-I-2' }, header: { 'idempotency-key': 'contract-1' } },
      body: { status: 'delayed', percentComplete: 20, actuals: { lua: 9000 } },
    });
    const run = await admin.POST('/rollups/{period}/runs', {
      params: { path: { period }, header: { 'idempotency-key': 'contract-2' } },
    });
    await platform.bus.drain();
    const job = await admin.GET('/jobs/{id}', { params: { path: { id: run.data?.id ?? '' } } });
    const csv = await viewer.GET('/rollups/{period}/{sector}', {
      params: { path: { period, sector: 'agriculture' }, query: { format: 'csv' } },
      parseAs: 'text',
    });

    // Assess
    expect(submitted.response.status).toBe(201);
    expect(submitted.data?.taskId).toBe('KH266-I-2');
    expect(run.response.status).toBe(202);
    expect(run.response.headers.get('location')).toBe(`/jobs/${run.data?.id}`);
    expect(job.data?.status).toBe('succeeded');
    expect(job.data?.result).toMatchObject({ period });
    expect(csv.response.headers.get('content-type')).toContain('text/csv');
    expect(csv.data).toContain('Sở Nông nghiệp và Môi trường');
  });

  it("reads the gateway's own 401 as a Problem, message included", async () => {
    // Prepare
    const anonymous = await generatedClient(null);

    // Act
    const { error, response } = await anonymous.GET('/tasks', { params: { query: {} } });

    // Assess
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ status: 401, title: 'Unauthorized', message: 'Unauthorized' });
  });

  it('reads a validation problem with the field it names', async () => {
    // Prepare
    const agency = await generatedClient(platform.tokens.agencies[LEAD] ?? null);

    // Act
    const { error, response } = await agency.POST('/tasks/{taskId}/reports', {
      params: { path: { taskId: 'KH266-I-2' }, header: { 'idempotency-key': 'contract-3' } },
      body: { status: 'on_track', percentComplete: 1e-200 },
    });

    // Assess
    expect(response.status).toBe(400);
    expect(error?.errors?.map((problem) => problem.field)).toEqual(['body.percentComplete']);
  });
});
