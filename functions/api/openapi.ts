/** GET /openapi.json: public, generated once per container. */
import { openApiDocument } from './schemas/openapi-document.ts';
import { httpApi, json } from './http/middleware.ts';

const document = openApiDocument();

export const handler = httpApi(async () =>
  json(200, document, { 'cache-control': 'public, max-age=300' }),
);
