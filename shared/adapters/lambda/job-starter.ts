/**
 * Starts a job in its own function: an asynchronous invocation (Lambda queues it and
 * answers 202 at once, retrying the function twice if it fails). Locally the runtime's
 * Lambda endpoint runs the handler in the background the same way.
 */
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { UnavailableError } from '#shared/domain/errors.ts';
import type { JobStarter } from '#shared/use-cases/jobs/job-ports.ts';

export interface InvokePort {
  send(command: InvokeCommand): Promise<{ StatusCode?: number; FunctionError?: string }>;
}

export class LambdaJobStarter implements JobStarter {
  constructor(
    private readonly client: InvokePort,
    private readonly functionName: string,
  ) {}

  async start(jobId: string): Promise<void> {
    const { StatusCode } = await this.client.send(
      new InvokeCommand({
        FunctionName: this.functionName,
        InvocationType: 'Event',
        Payload: Buffer.from(JSON.stringify({ jobId })),
      }),
    );
    if (StatusCode !== 202) {
      // Not queued: the job stays queued, and the request's retry starts it again.
      throw new UnavailableError(
        'không khởi động được công việc; hãy gửi lại với cùng Idempotency-Key',
      );
    }
  }
}
