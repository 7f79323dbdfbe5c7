/**
 * Text in one Unicode form at the edge. Vietnamese arrives composed (NFC, "ữ" as one code
 * point) or decomposed (NFD, "u" with its marks), depending on the client; stored as sent,
 * the same words would differ byte for byte, and a retry in the other form would be refused
 * as another request. Every string and key of a JSON body, and every query and path
 * parameter, is turned into NFC before anything reads it.
 */
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

/** A parsed JSON value with every string and object key in NFC. */
export function toNfc(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(toNfc);
  if (typeof value === 'object' && value !== null) {
    // fromEntries defines keys as own properties: a key can never reach the prototype.
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key.normalize('NFC'), toNfc(item)]),
    );
  }
  return value;
}

function parametersToNfc<T extends Record<string, unknown> | null>(parameters: T): T {
  return parameters && (toNfc(parameters) as T);
}

export function unicodeText(): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> {
  return {
    before: ({ event }) => {
      // After the JSON parser: the body is the parsed value then, or text on other routes.
      event.body = toNfc(event.body) as string | null;
      event.queryStringParameters = parametersToNfc(event.queryStringParameters);
      event.multiValueQueryStringParameters = parametersToNfc(
        event.multiValueQueryStringParameters,
      );
      event.pathParameters = parametersToNfc(event.pathParameters);
    },
  };
}
