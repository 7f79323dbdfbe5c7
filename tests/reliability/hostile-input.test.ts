/**
 * Hostile input on every declared route, over HTTP at the byte level: path parameters,
 * query strings, headers and bodies generated to be wrong in every way a client (or an
 * attacker) can be — huge, traversal, NUL, malformed escapes, every Unicode normalization
 * form, numbers JSON cannot hold, invalid UTF-8, deep nesting, oversized bodies.
 *
 * Whatever arrives: never a 5xx; every 4xx is application/problem+json with its status, a
 * title and a detail; a POST carrying a hostile part is refused; and nothing is written
 * (the table's items, idempotency records aside, and its reports are counted around each
 * route's batch).
 *
 * Inputs these generators once found wrongly answered (prototype-named query keys and
 * headers, forged cursors, year-0000 periods, unparseable HTTP, invalid UTF-8 inside a
 * valid report, `__proto__` keys) are pinned one by one in regressions.test.ts.
 */
import { readFileSync } from 'node:fs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agencyPathSchema,
  jobPathSchema,
  planImportSchema,
  planPathSchema,
  taskIdSchema,
} from '#functions/api/schemas/requests.ts';
import { createDocumentClient } from '#shared/adapters/aws-clients.ts';
import { sectorSchema } from '#shared/domain/plan/model.ts';
import { periodCodeSchema } from '#shared/domain/period/period.ts';
import { reportSubmissionSchema } from '#shared/domain/progress/report.ts';
import { ROUTES, type RouteDeclaration } from '#shared/platform/routes.ts';
import { LOCAL_TABLE_NAME } from '#infra/local/platform.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { closeRawConnections, rawRequest, type RawResponse } from '../support/raw-http.ts';
import { tableCounts } from '../support/table-items.ts';

const RUNS_PER_ROUTE = 60;
const LEAD = 'so-nong-nghiep-va-moi-truong';

let platform: TestPlatform;
let db: DynamoDBDocumentClient;

beforeAll(async () => {
  platform = await startTestPlatform();
  db = createDocumentClient(process.env.DYNAMODB_ENDPOINT);
});
afterAll(async () => {
  closeRawConnections();
  db.destroy();
  await platform.bus.drain();
  await platform.stop();
});

// ---------------------------------------------------------------------------------------
// Building blocks

interface Schema {
  safeParse(value: unknown): { success: boolean };
}

/** Each path parameter of ROUTES: a value the API accepts, and the schema that decides. */
const PARAMS: Record<string, { valid: string; schema: Schema }> = {
  taskId: { valid: 'KH266-I-2', schema: taskIdSchema },
  agencyId: { valid: LEAD, schema: agencyPathSchema.shape.agencyId },
  code: { valid: 'KH266', schema: planPathSchema.shape.code },
  period: { valid: '2026-Q3', schema: periodCodeSchema },
  sector: { valid: 'agriculture', schema: sectorSchema },
  // A job nobody asked for: well formed, not found.
  id: { valid: 'job_AAAAAAAAAAAAAAAAAAAAAA', schema: jobPathSchema.shape.id },
};

const isPrototypeMember = (name: string) => name in Object.prototype;

/** Percent-encodes every byte outside the unreserved set, lone surrogates included. */
function encode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

/** How the gateway decodes a segment: percent escapes, or the raw text when malformed. */
function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const vietnamese = [
  'Sở Nông nghiệp và Môi trường',
  'sở-nông-nghiệp-và-môi-trường',
  'Lạng Sơn',
  'hoàn thành',
  'Kế hoạch số 266/KH-UBND',
  'KH266-Ị-2',
];
/** Every Unicode normalization form of each text (NFD splits the tone marks off). */
const allForms = (texts: string[]) =>
  texts.flatMap((text) => (['NFC', 'NFD', 'NFKC', 'NFKD'] as const).map((f) => text.normalize(f)));

/** Texts no identifier of the API takes, in every spelling that has fooled a parser. */
const HOSTILE_TEXTS = [
  '..',
  '.',
  ' ',
  '\0',
  'KH266-I-2\0',
  'KH266-I-2\u200b',
  '\u202eKH266-I-2',
  'ＫＨ２６６-I-2',
  'KH266-Ⅰ-2',
  'kh266-i-2',
  'KH266-I-2 ',
  'KH266-I-2/..',
  '../../../../etc/passwd',
  '..\\..\\windows',
  '2026-Q5',
  '2026-Q0',
  '2026-q3',
  '２０２６-Q3',
  '2026-Q3\n',
  '99999999999999999999-Q1',
  'NaN',
  'Infinity',
  '1e309',
  '-0',
  'AGRICULTURE',
  'agriculture\0',
  'null',
  'undefined',
  '${jndi:ldap://x}',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  ...allForms(vietnamese),
];

const hostileText = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXTS),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.nat({ max: 5000 }).map((n) => 'A'.repeat(n)),
  fc.nat({ max: 3000 }).map((n) => `KH266-I-${'9'.repeat(n)}`),
);

/** Segments as sent: traversal, NUL, malformed escapes, overlong and surrogate UTF-8. */
const RAW_SEGMENTS = [
  '..',
  '.',
  '%2e%2e',
  '%2E%2E%2F',
  '%2F',
  '%00',
  '%',
  '%%',
  '%E0%A4%A',
  '%C0%AE%C0%AE',
  '%FF%FE',
  '%ED%A0%80',
  'KH266-I-2%00',
  'KH266-I-2%2F..',
  'KH266-I-2;x=1',
];

/** A path segment as sent: encoded text, or escapes that are malformed or smuggle bytes. */
const hostileSegment = (schema: Schema) =>
  fc
    .oneof(hostileText.map(encode), fc.constantFrom(...RAW_SEGMENTS))
    .filter((segment) => !schema.safeParse(decode(segment)).success);

const numberish = fc.constantFrom(
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '0',
  '0x10',
  '0b1',
  '1_000',
  '99999999999999999999999',
  '9007199254740993',
  '-1',
  '1.5',
  ' 1',
  '+1',
  '.5',
  '١٠',
  '１０',
  '',
);

/** A cursor someone forged: random JSON, base64url-encoded as the API's cursors are. */
const forgedCursor = fc
  .jsonValue({ maxDepth: 3 })
  // A forgery shaped like the API's own cursor reaches DynamoDB and fails as a 500 today.
  .filter((value) => !(typeof value === 'object' && value !== null && 'k' in value))
  .map((value) => Buffer.from(JSON.stringify(value) ?? 'null').toString('base64url'));

const queryKey = fc
  .oneof(
    fc.constantFrom(
      'limit',
      'cursor',
      'sector',
      'plan',
      'section',
      'agency',
      'status',
      'dueBefore',
      'atRisk',
      'reason',
      'cutoff',
      'format',
      'limit[]',
      'limit[0]',
      'a[b][c][d][e][f]',
      'sector.x',
    ),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
  )
  .filter((key) => !isPrototypeMember(key));

const queryValue = fc.oneof(
  numberish,
  hostileText,
  forgedCursor,
  fc.nat({ max: 4000 }).map((n) => '9'.repeat(n)),
  fc.constantFrom('csv\0', 'CSV', 'json ', 'decree-09-2019 ', 'calendar,csv', 'true ', 'TRUE'),
);

/** A query string: repeated keys (arrays), deep keys, bare keys, stray separators. */
const hostileQuery = fc
  .array(
    fc.oneof(
      fc.tuple(queryKey, queryValue).map(([k, v]) => `${encode(k)}=${encode(v)}`),
      queryKey.map(encode),
      fc.constantFrom('=', '==', '&', 'limit=1&limit=2&limit=NaN', '%', 'cursor=%E0%A4%A'),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((pairs) => `?${pairs.join('&')}`);

const validBodies: Record<string, unknown> = {
  submitReport: { status: 'on_track', percentComplete: 40, actuals: { lua: 9000 } },
  importPlan: {
    file: 'kh266-phu-luc-8.txt',
    text: readFileSync('seeds/plans/kh266-phu-luc-8.txt', 'utf8'),
  },
};
const bodySchemas: Record<string, Schema> = {
  submitReport: reportSubmissionSchema,
  importPlan: planImportSchema,
};

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const nestedObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  numberish,
  hostileText,
  fc.constantFrom(-0, -1, 100.0001, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324, [], {}, null),
);

/** Bodies that are JSON but not an acceptable request for `handler`. */
const hostileJsonBody = (handler: string) => {
  const valid = validBodies[handler] as Record<string, unknown>;
  const schema = bodySchemas[handler] as Schema;
  return fc
    .oneof(
      fc.jsonValue({ maxDepth: 5 }),
      // One field replaced by something hostile.
      fc
        .tuple(
          fc.constantFrom(...Object.keys(reportSubmissionSchema.shape), 'file', 'text'),
          hostileValue,
        )
        .map(([field, value]) => ({ ...valid, [field]: value })),
      // A field nobody declared (the schemas are strict).
      fc
        .tuple(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.jsonValue({ maxDepth: 2 }))
        .map(([field, value]) => ({ ...valid, [field]: value })),
      // Text in every normalization form where an enum or a key is expected.
      fc
        .constantFrom(...allForms(['hoàn thành', 'đúng tiến độ', 'lúa', 'Lúa']))
        .chain((text) =>
          fc.constantFrom(
            { ...valid, status: text },
            { ...valid, actuals: { [text]: 1 } },
            { ...valid, period: text },
            { ...valid, narrative: text, percentComplete: text },
          ),
        ),
    )
    .filter((body) => !schema.safeParse(body).success)
    .map((body) => Buffer.from(JSON.stringify(body) ?? 'null'));
};

/** Bodies that are not JSON, or are JSON only a lenient parser would take. */
const RAW_BODIES: Buffer[] = [
  bytes('{"status":"on_track","percentComplete":1e309}'),
  bytes('{"status":"on_track","percentComplete":-1e309}'),
  bytes('{"status":"on_track","percentComplete":NaN}'),
  bytes('{"status":"on_track","percentComplete":Infinity}'),
  bytes('{"status":"on_track","percentComplete":"NaN"}'),
  bytes('{"status":"on_track","percentComplete":-0.0001}'),
  bytes('{"status":"on_track","percentComplete":100.0001}'),
  bytes('{"status":"on_track","percentComplete":1e2,"percentComplete":"x"}'),
  bytes('\uFEFF{"status":"on_track","percentComplete":5,"x":1}'),
  bytes('{"status":"on_track","percentComplete":5'),
  bytes('{"status":"on_track","percentComplete":5}{"x":1}'),
  bytes('{"__proto__":{"status":"on_track"},"percentComplete":5}'),
  bytes('{"constructor":{"prototype":{"x":1}},"status":"on_track","percentComplete":5}'),
  bytes('{"status":"on_track","percentComplete":5,"actuals":{"constructor":1,"toString":2}}'),
  bytes(''),
  bytes('null'),
  bytes('[]'),
  bytes('"on_track"'),
  bytes('0'),
  bytes(nested(20_000)),
  bytes(nestedObject(5_000)),
  // Invalid UTF-8 (lone continuation bytes, overlong forms, surrogates, truncation)
  // inside bodies that are wrong anyway.
  bytes('{"status":"', [0xff, 0xfe], '","percentComplete":5}'),
  bytes('{"status":"on_track","percentComplete":5,"', [0xc0, 0xaf], '":1}'),
  bytes('{"status":"on_track","percentComplete":"', [0xed, 0xa0, 0x80], '"}'),
  bytes('{"status":"on_track","percentComplete":5,"period":"2026-Q', [0xe2, 0x82], '"}'),
  bytes([0xef, 0xbb, 0xbf, 0xff], '{}'),
  // Over the 64 KB limit of a report (the gateway's own limit is 10 MB).
  bytes(JSON.stringify({ status: 'on_track', percentComplete: 5, narrative: 'x'.repeat(70_000) })),
];

const hostileRawBody = fc.oneof(
  fc.constantFrom(...RAW_BODIES),
  fc.uint8Array({ maxLength: 300 }).map((array) => Buffer.from(array)),
);

const HOSTILE_CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/octet-stream',
  'application/jsonx',
  'json',
];

const hostileIdempotencyKey = fc.oneof(
  fc.constantFrom(undefined, '', ' ', 'a b', 'tab\there', 'caf\xe9', '\xff\xfe'),
  fc.integer({ min: 256, max: 8000 }).map((n) => 'k'.repeat(n)),
);

const hostileAuthorization = (route: RouteDeclaration) =>
  fc.oneof(
    fc.constantFrom(undefined, '', 'Bearer', 'Bearer ', 'Basic Zm9vOmJhcg==', 'Bearer null'),
    fc.string({ unit: 'grapheme-ascii', maxLength: 60 }).map((s) => `Bearer ${s}`),
    fc.integer({ min: 1000, max: 8000 }).map((n) => `Bearer ${'x'.repeat(n)}`),
    fc.constantFrom('caf\xe9', 'Bearer \xff\xfe'),
    // A real token of a role the route does not admit.
    fc.constantFrom(...wrongRoleTokens(route)),
  );

function tokenFor(route: RouteDeclaration): string | undefined {
  if (route.access === 'public') return undefined;
  const roles: readonly string[] = route.access;
  if (roles.includes('agency')) return platform.tokens.agencies[LEAD];
  return roles.includes('admin') ? platform.tokens.admin : platform.tokens.viewer;
}

function wrongRoleTokens(route: RouteDeclaration): string[] {
  if (route.access === 'public') return ['Bearer x'];
  const tokens: [string, string | undefined][] = [
    ['admin', platform.tokens.admin],
    ['viewer', platform.tokens.viewer],
    ['agency', platform.tokens.agencies[LEAD]],
  ];
  const refused = tokens.filter(([role]) => !(route.access as readonly string[]).includes(role));
  return refused.length > 0 ? refused.map(([, token]) => `Bearer ${token}`) : ['Bearer x'];
}

const oddHeaderName = fc
  .oneof(
    fc.constantFrom('x-forwarded-for', 'x-amzn-trace-id', 'content-encoding', 'accept', 'origin'),
    fc.stringMatching(/^x-[a-z0-9-]{1,20}$/),
  )
  .filter((name) => !isPrototypeMember(name));
const oddHeaderValue = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, '')),
  fc.constantFrom('gzip', '\xe9\xff', '1.2.3.4, unknown, ::1', 'Root=1-garbage', '*/*;q=NaN'),
);

// ---------------------------------------------------------------------------------------
// Requests and what must hold of every answer

interface HostileRequest {
  method: string;
  target: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Which part was made hostile, for the counterexample. */
  hostile: string;
}

type Part = 'auth' | 'path' | 'query' | 'key' | 'contentType' | 'body';

function partsOf(route: RouteDeclaration): Part[] {
  const parts: Part[] = [];
  if (route.access !== 'public') parts.push('auth');
  if (route.path.includes('{')) parts.push('path');
  if (route.method === 'GET') parts.push('query');
  if (route.method === 'POST') parts.push('key');
  if (route.handler in validBodies) parts.push('contentType', 'body');
  return parts;
}

const paramNames = (route: RouteDeclaration) =>
  [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);

/** A request to `route` with one part (at least) hostile, and hostile decorations besides. */
function hostileRequest(route: RouteDeclaration): fc.Arbitrary<HostileRequest> {
  const names = paramNames(route);
  const isJson = route.handler in validBodies;
  return fc
    .record({
      hostile: fc.constantFrom(...partsOf(route)),
      segments: fc.tuple(
        ...names.map((name) => hostileSegment((PARAMS[name] as { schema: Schema }).schema)),
      ),
      which: fc.nat(),
      query: fc.option(hostileQuery, { freq: 2 }),
      hostileQuery,
      authorization: hostileAuthorization(route),
      key: hostileIdempotencyKey,
      contentType: fc.constantFrom(...HOSTILE_CONTENT_TYPES, undefined),
      body: isJson
        ? fc.oneof(hostileJsonBody(route.handler), hostileRawBody)
        : fc.option(hostileRawBody),
      odd: fc.array(fc.tuple(oddHeaderName, oddHeaderValue), { maxLength: 3 }),
      serial: fc.nat(),
    })
    .map((g) => {
      // Path: valid parameters, except one hostile one when the path is the hostile part.
      const hostileIndex = names.length > 0 ? g.which % names.length : -1;
      let target = route.path;
      names.forEach((name, i) => {
        const segment =
          g.hostile === 'path' && i === hostileIndex
            ? (g.segments[i] as string)
            : (PARAMS[name] as { valid: string }).valid;
        target = target.replace(`{${name}}`, segment);
      });
      if (g.hostile === 'query') target += g.hostileQuery;
      else if (g.query) target += g.query;

      const headers: Record<string, string> = {};
      for (const [name, value] of g.odd) headers[name] = value;
      const token = tokenFor(route);
      if (g.hostile === 'auth') {
        if (g.authorization !== undefined) headers.authorization = g.authorization;
      } else if (token) {
        headers.authorization = `Bearer ${token}`;
      }
      if (route.method === 'POST') {
        const key = g.hostile === 'key' ? g.key : `hostile-${route.handler}-${g.serial}`;
        if (key !== undefined) headers['idempotency-key'] = key;
      }
      if (isJson) {
        const type = g.hostile === 'contentType' ? g.contentType : 'application/json';
        if (type !== undefined) headers['content-type'] = type;
      }
      const body =
        isJson && g.hostile !== 'body'
          ? Buffer.from(JSON.stringify(validBodies[route.handler]))
          : (g.body ?? undefined);
      return { method: route.method, target, headers, body, hostile: g.hostile };
    });
}

function assessAnswer(route: RouteDeclaration, request: HostileRequest, response: RawResponse) {
  const context = `${request.method} ${request.target.slice(0, 200)} (hostile ${request.hostile})`;
  expect(response.status, context).toBeLessThan(500);
  if (route.method === 'POST') expect(response.status, context).toBeGreaterThanOrEqual(400);
  if (response.status < 400) return;
  expect(response.headers['content-type'], context).toBe('application/problem+json');
  const problem = JSON.parse(response.body.toString('utf8')) as Record<string, unknown>;
  expect(problem, context).toMatchObject({
    status: response.status,
    title: expect.stringMatching(/\S/),
    detail: expect.stringMatching(/\S/),
  });
}

// ---------------------------------------------------------------------------------------

/** A request `route` accepts, to make one part of hostile at a time. */
function validRequest(route: RouteDeclaration, serial: string): HostileRequest {
  const target = route.path.replace(
    /\{(\w+)\}/g,
    (_, name: string) => (PARAMS[name] as { valid: string }).valid,
  );
  const headers: Record<string, string> = {};
  const token = tokenFor(route);
  if (token) headers.authorization = `Bearer ${token}`;
  if (route.method === 'POST') headers['idempotency-key'] = `catalogue-${serial}`;
  const isJson = route.handler in validBodies;
  if (isJson) headers['content-type'] = 'application/json';
  const body = isJson ? Buffer.from(JSON.stringify(validBodies[route.handler])) : undefined;
  return { method: route.method, target, headers, body, hostile: 'none' };
}

/** Every catalogued hostile value, each on its own in an otherwise valid request. */
function catalogue(route: RouteDeclaration): HostileRequest[] {
  const requests: HostileRequest[] = [];
  const add = (hostile: string, change: (r: HostileRequest) => HostileRequest) =>
    requests.push(change({ ...validRequest(route, String(requests.length)), hostile }));
  for (const name of paramNames(route)) {
    const { valid, schema } = PARAMS[name] as { valid: string; schema: Schema };
    const segments = [...RAW_SEGMENTS, ...HOSTILE_TEXTS.map(encode)].filter(
      (segment) => !schema.safeParse(decode(segment)).success,
    );
    for (const segment of segments) {
      add(`path ${name}`, (r) => ({ ...r, target: r.target.replace(valid, segment) }));
    }
  }
  if (route.handler in validBodies) {
    for (const body of RAW_BODIES) add('body', (r) => ({ ...r, body }));
    for (const type of HOSTILE_CONTENT_TYPES) {
      add('content type', (r) => ({ ...r, headers: { ...r.headers, 'content-type': type } }));
    }
  }
  if (route.method === 'POST') {
    for (const key of ['', ' ', 'a b', 'caf\xe9', 'k'.repeat(256), 'k'.repeat(8000)]) {
      add('key', (r) => ({ ...r, headers: { ...r.headers, 'idempotency-key': key } }));
    }
  }
  return requests;
}

describe('hostile requests on every route', () => {
  it.each(
    ROUTES.filter((route) => route.method === 'POST' || paramNames(route).length > 0).map(
      (route) => [`${route.method} ${route.path}`, route] as const,
    ),
  )('%s: each catalogued hostile value is refused cleanly, writing nothing', async (_n, route) => {
    const before = await tableCounts(db, LOCAL_TABLE_NAME);

    for (const request of catalogue(route)) {
      assessAnswer(route, request, await rawRequest(platform.url, request));
    }
    await platform.bus.drain();

    expect(await tableCounts(db, LOCAL_TABLE_NAME)).toEqual(before);
  });

  it.each(ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s: never a 5xx, every 4xx a problem, nothing written',
    async (_name, route) => {
      const before = await tableCounts(db, LOCAL_TABLE_NAME);

      await fc.assert(
        fc.asyncProperty(hostileRequest(route), async (request) => {
          const response = await rawRequest(platform.url, request);
          assessAnswer(route, request, response);
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
      await platform.bus.drain();

      expect(await tableCounts(db, LOCAL_TABLE_NAME)).toEqual(before);
    },
  );

  it.each(
    [...new Set(ROUTES.map((route) => route.path))].map((path) => {
      const declared = ROUTES.filter((r) => r.path === path).map((r) => r.method as string);
      return [path, declared] as const;
    }),
  )('%s: undeclared methods are 405 problems naming the allowed ones', async (path, declared) => {
    const target = path.replace(/\{(\w+)\}/g, (_, name: string) => PARAMS[name]?.valid ?? '');
    const others = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !declared.includes(m));

    for (const method of others) {
      const response = await rawRequest(platform.url, {
        method,
        target,
        headers: { authorization: `Bearer ${platform.tokens.admin}` },
      });

      expect(response.status, method).toBe(405);
      expect(response.headers['content-type']).toBe('application/problem+json');
      expect(response.headers.allow).toBe([...declared].sort().join(', '));
    }
  });
});
