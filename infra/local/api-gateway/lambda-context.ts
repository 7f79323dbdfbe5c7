/**
 * The Lambda `Context` a handler receives, built from the handler's declaration so that
 * `getRemainingTimeInMillis`, memory and names read as they would on AWS.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { HANDLERS, type HandlerName } from '#shared/platform/handlers.ts';
import { LOCAL_API } from './local-api.ts';

export interface LambdaSettings {
  functionName: string;
  memoryMb: number;
  timeoutSeconds: number;
}

export function lambdaSettingsFor(name: HandlerName): LambdaSettings {
  const declaration = HANDLERS[name];
  return {
    functionName: `local-${name}`,
    memoryMb: declaration.memoryMb,
    timeoutSeconds: declaration.timeoutSeconds,
  };
}

export function createLambdaContext(
  settings: LambdaSettings,
  awsRequestId: string = randomUUID(),
  startedAt: number = Date.now(),
): Context {
  const deadline = startedAt + settings.timeoutSeconds * 1000;
  const day = new Date(startedAt).toISOString().slice(0, 10).replaceAll('-', '/');
  const unsupported = (): never => {
    // The Node.js runtimes for async handlers no longer honour the callback-era methods.
    throw new Error('context.done/fail/succeed are not supported: return or throw instead');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: settings.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${LOCAL_API.region}:${LOCAL_API.accountId}:function:${settings.functionName}`,
    memoryLimitInMB: String(settings.memoryMb),
    awsRequestId,
    logGroupName: `/aws/lambda/${settings.functionName}`,
    logStreamName: `${day}/[$LATEST]${randomBytes(16).toString('hex')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
