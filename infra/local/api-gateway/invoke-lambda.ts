/**
 * Calls a handler as Lambda would: with a fresh context, and failing when the function's
 * timeout passes (the promise it left behind keeps running, as a frozen sandbox would not,
 * but its result is ignored).
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { createLambdaContext, type LambdaSettings } from './lambda-context.ts';

export type LambdaFunction<E, R> = (event: E, context: Context) => Promise<R>;

export class LambdaTimeoutError extends Error {
  constructor(functionName: string, timeoutSeconds: number) {
    super(`${functionName}: Task timed out after ${timeoutSeconds.toFixed(2)} seconds`);
    this.name = 'LambdaTimeoutError';
  }
}

export class DeadlineExceededError extends Error {
  constructor(what: string, timeoutMs: number) {
    super(`${what} did not answer within ${timeoutMs} ms`);
    this.name = 'DeadlineExceededError';
  }
}

export async function invokeLambda<E, R>(
  fn: LambdaFunction<E, R>,
  event: E,
  settings: LambdaSettings,
  awsRequestId: string = randomUUID(),
): Promise<R> {
  const context = createLambdaContext(settings, awsRequestId);
  return withDeadline(
    // Wrapped so that a handler throwing synchronously rejects like an async one.
    Promise.resolve().then(() => fn(event, context)),
    settings.timeoutSeconds * 1000,
    () => new LambdaTimeoutError(settings.functionName, settings.timeoutSeconds),
  );
}

/** Settles like `work`, or rejects with `onTimeout()` once `timeoutMs` has passed. */
export function withDeadline<T>(
  work: Promise<T>,
  timeoutMs: number,
  onTimeout: () => Error,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), timeoutMs);
    // A pending deadline must not keep a finished process alive.
    timer.unref();
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
