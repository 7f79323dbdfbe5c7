/**
 * SDK clients as module-level singletons, created once per Lambda container (or process).
 * An endpoint variable (DYNAMODB_ENDPOINT, EVENTBRIDGE_ENDPOINT, SNS_ENDPOINT) points a client at the
 * local runtime's emulation; on AWS they are unset.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Settings for a client talking to a local emulation: any credentials will do there. */
export function localClientConfig(endpoint: string | undefined) {
  return endpoint
    ? {
        endpoint,
        region: process.env.AWS_REGION ?? 'local',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }
    : {};
}

export function createDynamoClient(endpoint = process.env.DYNAMODB_ENDPOINT): DynamoDBClient {
  return new DynamoDBClient(localClientConfig(endpoint));
}

export function createDocumentClient(
  endpoint = process.env.DYNAMODB_ENDPOINT,
): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(createDynamoClient(endpoint), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

export function createEventBridgeClient(
  endpoint = process.env.EVENTBRIDGE_ENDPOINT,
): EventBridgeClient {
  return new EventBridgeClient(localClientConfig(endpoint));
}

export function createSnsClient(endpoint = process.env.SNS_ENDPOINT): SNSClient {
  return new SNSClient(localClientConfig(endpoint));
}
