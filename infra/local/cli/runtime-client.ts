/**
 * What the local command lines share: find the running runtime through the data folder
 * (--data-dir, else DATA_DIR, else .data) and call it with an admin token: ADMIN_TOKEN, or
 * the development one of tokens.json. The flags, the exit and the error lines are those of
 * every command line (functions/cli/command-line.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { CommandError } from '#functions/cli/command-line.ts';
import { devTokensSchema } from '../dev-tokens.ts';
import { readRuntimeInfo, type RuntimeInfo } from '../runtime-file.ts';

export async function connect(
  dataDir: string,
): Promise<{ runtime: RuntimeInfo; adminToken: string }> {
  const runtime = await readRuntimeInfo(dataDir);
  if (!runtime) {
    throw new CommandError(`no running platform uses ${dataDir}; start it with npm start`);
  }
  if (process.env.ADMIN_TOKEN) return { runtime, adminToken: process.env.ADMIN_TOKEN };
  const tokens = devTokensSchema.parse(
    JSON.parse(await readFile(join(dataDir, 'tokens.json'), 'utf8')),
  );
  return { runtime, adminToken: tokens.admin };
}

/** What an error answer may say: the API's and the control server's problem details. */
const problemSchema = z.object({ detail: z.string() });

export async function call(url: string, token: string, init: RequestInit = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${token}` },
    });
  } catch (error) {
    throw new CommandError(
      `the platform at ${new URL(url).origin} does not answer (${(error as Error).message}); is it running?`,
    );
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = problemSchema.safeParse(body).data?.detail ?? response.statusText;
    const hint =
      response.status === 401
        ? ' (the admin token was refused: revoked? issue one with npm run tokens -- issue --role admin and pass it as ADMIN_TOKEN)'
        : '';
    throw new CommandError(`${response.status}: ${detail}${hint}`);
  }
  return body;
}

const jobSchema = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  progress: z.object({ done: z.number(), total: z.number(), step: z.string() }).nullable(),
  result: z.unknown().optional(),
  errors: z.array(z.object({ detail: z.string() })).default([]),
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Asks for a job (a POST answered 202), then follows it at GET /jobs/{id}, telling its
 * progress on stderr as it changes, until it finishes: its result, or its problems as the
 * command's error.
 */
export async function runJob(
  apiUrl: string,
  path: string,
  token: string,
  init: RequestInit = {},
  pollMs = 250,
): Promise<unknown> {
  let job = jobSchema.parse(await call(`${apiUrl}${path}`, token, { ...init, method: 'POST' }));
  let told = '';
  for (;;) {
    const progress = job.progress
      ? `${job.progress.step} (${job.progress.done}/${job.progress.total})`
      : job.status;
    if (progress !== told) {
      process.stderr.write(`${job.id}: ${progress}\n`);
      told = progress;
    }
    if (job.status === 'succeeded') return job.result;
    if (job.status === 'failed') {
      throw new CommandError(
        job.errors.map((error) => error.detail).join('; ') || 'the job failed',
      );
    }
    await sleep(pollMs);
    job = jobSchema.parse(await call(`${apiUrl}/jobs/${job.id}`, token));
  }
}
