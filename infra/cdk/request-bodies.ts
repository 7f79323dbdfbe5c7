/**
 * Which routes take a JSON body, read from the OpenAPI document the handlers' zod schemas
 * generate (functions/api/schemas/openapi-document.ts), so the gateway's body validation
 * follows the handlers instead of a second list kept by hand. POST is no guide: the admin
 * job routes are POSTs without a body.
 */
import { openApiDocument } from '#functions/api/schemas/openapi-document.ts';

/** `METHOD /path` of every operation whose request body is declared as application/json. */
export function routesWithJsonBody(
  document: { paths?: Record<string, unknown> } = openApiDocument(),
): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (!isRecord(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!isRecord(operation) || !isRecord(operation.requestBody)) continue;
      const content = operation.requestBody.content;
      if (isRecord(content) && 'application/json' in content) {
        keys.add(`${method.toUpperCase()} ${path}`);
      }
    }
  }
  return keys;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
