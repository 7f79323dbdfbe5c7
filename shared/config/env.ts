/**
 * Environment read once, validated with zod, failing fast with the variable's name.
 */
import * as z from 'zod';

export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

export function readEnv<S extends z.ZodObject>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigurationError(`invalid environment: ${problems.join('; ')}`);
}

export const tableEnvSchema = z.object({
  TABLE_NAME: z.string().min(3, 'the DynamoDB table name (at least 3 characters)'),
  DYNAMODB_ENDPOINT: z.url().optional(),
});

export const eventBusEnvSchema = z.object({
  EVENT_BUS_NAME: z.string().min(1, 'the EventBridge bus name'),
  EVENTBRIDGE_ENDPOINT: z.url().optional(),
});

export const riskTopicEnvSchema = z.object({
  RISK_TOPIC_ARN: z.string().startsWith('arn:', 'the ARN of the risk notification topic'),
  SNS_ENDPOINT: z.url().optional(),
});
