/**
 * Jobs over HTTP: a POST that answered 202 with a job, followed to its end as a client
 * follows it (GET /jobs/{id}), once the platform has run its jobs.
 */
import { bodyOf, type TestPlatform } from './platform.ts';

/** The job a 202 answered, as GET /jobs/{id} shows it once it has finished. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function finishedJob(platform: TestPlatform, accepted: Response): Promise<any> {
  if (accepted.status !== 202) {
    throw new Error(`expected 202 with a job, got ${accepted.status}: ${await accepted.text()}`);
  }
  const { id } = (await bodyOf(accepted)) as { id: string };
  await platform.bus.drain();
  const response = await platform.request(`/jobs/${id}`, { token: platform.tokens.admin });
  if (response.status !== 200) throw new Error(`GET /jobs/${id} answered ${response.status}`);
  return bodyOf(response);
}

/** What a job that succeeded returned; its problems as the error of one that failed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function jobResult(platform: TestPlatform, accepted: Response): Promise<any> {
  const job = (await finishedJob(platform, accepted)) as {
    status: string;
    result?: unknown;
    errors: unknown[];
  };
  if (job.status !== 'succeeded')
    throw new Error(`the job ${job.status}: ${JSON.stringify(job.errors)}`);
  return job.result;
}
