/**
 * The OpenAPI document as client generators read it: an operationId on every operation,
 * servers that resolve to the local platform and to a deployed stage, a Problem schema
 * that admits the gateway's own error bodies, every status the platform can answer, and
 * the CSV typed.
 */
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '#functions/api/schemas/openapi-document.ts';
import { problemTemplate, GATEWAY_PROBLEM_SPECS } from '#infra/cdk/constructs/gateway-responses.ts';
import { GATEWAY_PROBLEMS, problemResponse } from '#infra/local/api-gateway/responses.ts';
import { ROUTES } from '#shared/platform/routes.ts';

interface Operation {
  operationId?: string;
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;
}
interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  minimum?: number;
  maximum?: number;
}
interface Document {
  servers: { url: string; variables?: Record<string, { default: string }> }[];
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  };
}

const document = openApiDocument() as unknown as Document;
const operations = ROUTES.map((route) => ({
  key: `${route.method} ${route.path}`,
  route,
  operation: document.paths[route.path]?.[route.method.toLowerCase()] as Operation,
}));

/** The keys of a body its schema does not declare, when it admits no others. */
function undeclaredKeys(body: Record<string, unknown>, schema: JsonSchema): string[] {
  if (schema.additionalProperties !== false) return [];
  return Object.keys(body).filter((key) => !(key in (schema.properties ?? {})));
}

describe('the OpenAPI document', () => {
  it('names every operation, each name once', () => {
    // Act
    const ids = operations.map(({ operation }) => operation.operationId);

    // Assess
    expect(ids.filter((id) => !id)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has a first server that resolves to where the document is served, stage included', () => {
    // Prepare
    const [first] = document.servers;
    const stage = 'https://abc123defg.execute-api.ap-southeast-1.amazonaws.com/prod/openapi.json';
    const local = 'http://127.0.0.1:3000/openapi.json';

    // Act
    const onStage = new URL(first?.url ?? '', stage).href;
    const onLocal = new URL(first?.url ?? '', local).href;

    // Assess
    expect(onStage).toBe('https://abc123defg.execute-api.ap-southeast-1.amazonaws.com/prod/');
    expect(onLocal).toBe('http://127.0.0.1:3000/');
  });

  it('describes a deployed stage with server variables', () => {
    // Act
    const templated = document.servers.find((server) => server.url.includes('{stage}'));

    // Assess
    expect(templated?.url).toBe('https://{apiId}.execute-api.{region}.amazonaws.com/{stage}');
    expect(Object.keys(templated?.variables ?? {}).sort()).toEqual(['apiId', 'region', 'stage']);
  });

  it.each(Object.entries(GATEWAY_PROBLEMS))(
    "admits the local gateway's %s body in the Problem schema",
    (_name, gatewayProblem) => {
      // Prepare
      const body = JSON.parse(problemResponse(gatewayProblem, 'detail').body.toString()) as Record<
        string,
        unknown
      >;

      // Act
      const undeclared = undeclaredKeys(body, document.components.schemas.Problem ?? {});

      // Assess
      expect(undeclared).toEqual([]);
    },
  );

  it("admits API Gateway's gateway response bodies in the Problem schema", () => {
    // Prepare
    const bodies = GATEWAY_PROBLEM_SPECS.map(
      (spec) =>
        JSON.parse(
          problemTemplate(spec).replaceAll('$context.error.messageString', '"Unauthorized"'),
        ) as Record<string, unknown>,
    );

    // Act
    const undeclared = bodies.flatMap((body) =>
      undeclaredKeys(body, document.components.schemas.Problem ?? {}),
    );

    // Assess
    expect(undeclared).toEqual([]);
  });

  it.each(operations.map(({ key, route, operation }) => [key, route.access, operation] as const))(
    '%s declares the statuses the gateway and the platform can answer',
    (_key, access, operation) => {
      // Act
      const statuses = Object.keys(operation.responses);

      // Assess
      expect(statuses).toEqual(expect.arrayContaining(['429', '500', '502', '504']));
      if (access !== 'public') {
        expect(statuses).toEqual(expect.arrayContaining(['401', '403', '503']));
      }
    },
  );

  it.each(['/rollups/{period}', '/rollups/{period}/{sector}'])(
    'types the CSV of GET %s as a string',
    (path) => {
      // Act
      const csv = document.paths[path]?.get?.responses['200']?.content?.['text/csv'];

      // Assess
      expect(csv?.schema).toMatchObject({ type: 'string' });
    },
  );

  it('states the range of every number a report carries', () => {
    // Act
    const submission = document.components.schemas.ReportSubmission?.properties ?? {};
    const actual = submission.actuals?.additionalProperties as JsonSchema;

    // Assess
    expect(submission.percentComplete).toMatchObject({ minimum: 0, maximum: 100 });
    expect(actual).toMatchObject({
      minimum: -Number.MAX_SAFE_INTEGER,
      maximum: Number.MAX_SAFE_INTEGER,
    });
  });
});

describe('the snapshot reads', () => {
  it('document the 303 to a signed URL, with its Location, for a body too large', () => {
    // Prepare
    const reads = ['/rollups/{period}', '/rollups/{period}/{sector}'];
    const component = document.components.responses?.SeeLargeBody as
      { headers?: Record<string, unknown>; content?: unknown } | undefined;

    // Act
    const seeOther = reads.map((path) => document.paths[path]?.get?.responses['303']);

    // Assess
    for (const response of seeOther) {
      expect(response).toEqual({ $ref: '#/components/responses/SeeLargeBody' });
    }
    expect(Object.keys(component?.headers ?? {})).toEqual(['location']);
    // A redirect, never a problem: it has no body.
    expect(component?.content).toBeUndefined();
  });
});
