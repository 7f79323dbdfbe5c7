/**
 * Reading a request at the edge: zod for every part, failures as 400 problems naming the
 * field; the caller from the authorizer's context.
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import type * as z from 'zod';
import {
  authorizerContextSchema,
  fromAuthorizerContext,
  type Caller,
} from '#shared/domain/access/caller.ts';
import { ValidationError } from '#shared/domain/errors.ts';

type Part = 'body' | 'query' | 'path' | 'header';

/** What a person reading a problem calls each part; the field names stay as sent. */
const PART_NAMES: Record<Part, string> = {
  body: 'nội dung',
  query: 'tham số truy vấn',
  path: 'đường dẫn',
  header: 'tiêu đề',
};

export function parsePart<S extends z.ZodType>(schema: S, value: unknown, part: Part): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    field: [part, ...issue.path.map(String)].join('.'),
    reason: issue.message,
  }));
  throw new ValidationError(
    `${PART_NAMES[part]} không hợp lệ: ${fields.map((f) => `${f.field}: ${f.reason}`).join('; ')}`,
    fields,
  );
}

/** The caller, as the authorizer established it. A route without one is a wiring fault. */
export function callerOf(event: APIGatewayProxyEvent): Caller {
  const context = authorizerContextSchema.parse(event.requestContext.authorizer);
  return fromAuthorizerContext(context);
}
