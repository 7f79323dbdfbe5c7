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

export const mailQueueEnvSchema = z.object({
  MAIL_QUEUE_URL: z.url('the URL of the mail queue'),
  SQS_ENDPOINT: z.url().optional(),
});

export const mailSenderEnvSchema = z.object({
  MAIL_FROM: z.email('the address mail is sent from, of the SES identity'),
  PUBLIC_BASE_URL: z.url('the public address of the web app, for the links in messages'),
  SES_ENDPOINT: z.url().optional(),
});

/**
 * How long a web function keeps the current quarter it computed (live-quarter-cache.ts):
 * 30 s by default; the local platform computes it on every request (0), as it checks
 * every token at once.
 */
export const liveFiguresEnvSchema = z.object({
  LIVE_FIGURES_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
});

/**
 * Where bodies too large for one response go: the bucket on AWS; locally a folder of the
 * data folder and the key its URLs are signed with. The threshold is Lambda's limit unless
 * a test lowers it.
 */
export const largeBodyEnvSchema = z.object({
  LARGE_BODY_BUCKET: z.string().min(3, 'the S3 bucket for large responses').optional(),
  LARGE_BODY_FOLDER: z.string().min(1, 'the local folder for large responses').optional(),
  LARGE_BODY_SIGNING_KEY: z.base64('the local signing key, base64').optional(),
  LARGE_BODY_THRESHOLD_BYTES: z.coerce.number().int().positive().optional(),
});
