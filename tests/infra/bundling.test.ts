/**
 * The one infra test that bundles for real, as `cdk synth` does: every function through
 * the local esbuild (no Docker), then each bundle loaded by a plain Node.js process, the
 * way Lambda loads it. A missing createRequire banner fails here with "Dynamic require of
 * util is not supported"; an unresolved import alias fails at bundling. Sizes are held to a
 * budget (deterministic, unlike timings: those are measured by `npm run bench`).
 */
import { seedAgencies } from '#shared/seed-registry.ts';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ESM_REQUIRE_BANNER,
  NEVER_LOADED_ON_LAMBDA,
} from '#infra/cdk/constructs/lambda-bundling.ts';
import type { HandlerDeclarations } from '#infra/cdk/declarations.ts';
import { HANDLERS, type HandlerName } from '#shared/platform/handlers.ts';
import { functionIds, synthesize, type Synthesized } from './support/platform.ts';

let synthesized: Synthesized;

beforeAll(() => {
  synthesized = synthesize({ bundle: true });
}, 300_000);
afterAll(() => synthesized?.dispose());

/** The directory CDK staged a function's bundle in, found through its asset hash. */
function bundleDirectory(handler: string): string {
  const { function: functionId } = functionIds(synthesized.platform, handler);
  const fn = synthesized.stateless.toJSON().Resources[functionId];
  const key = String(fn.Properties.Code.S3Key);
  return join(synthesized.outdir, `asset.${key.replace(/\.zip$/, '')}`);
}

const DECLARED: HandlerDeclarations = HANDLERS;
const handlers = Object.keys(HANDLERS) as HandlerName[];

/** Top-level `import … from "x"` and `import "x"` statements of a minified ESM bundle. */
const STATIC_IMPORT = /(?:^|[;\n])import(?:[\w*{}\s,$]+from)?\s*["']([^"']+)["']/g;
/** `import("x")` expressions: modules loaded only when the code that asks for them runs. */
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

/**
 * Each function's bundle budget, in KiB: what it measured (BENCHMARKS.md, figure 3) and a
 * little room. Every function carries the AWS SDK clients it uses (about 210 KiB, bundled on
 * purpose: lambda-bundling.ts), zod's classic API (about 100 KiB) and Powertools' logger and
 * metrics (about 30 KiB): near 350 KiB before its own code. Raise a budget only with the
 * measurement that justifies it; a new function declares its own.
 */
const BUDGETS_KIB: Record<HandlerName, number> = {
  authorizer: 360,
  // zod-openapi and every route's schemas, no SDK.
  openApi: 225,
  submitReport: 450,
  collaborate: 495,
  readTasks: 420,
  submitIndicatorValue: 465,
  readRegistry: 425,
  // The document readers: htmlparser2 for cells and Word XML, yauzl for the .docx, and the
  // notice parser.
  importPlan: 640,
  manageRegistry: 490,
  // The EventBridge client, to announce the jobs it accepts; no rollup or scan code of its own.
  adminJobs: 520,
  // Every job's work: the rollup, the risk scan, the import with its document readers, and
  // the reminder run with the SQS and Cognito clients (measured 608 KiB before reminders
  // became jobs, 701 KiB after).
  runJobs: 720,
  // The Excel and Word renderers (write-excel-file, docxtemplater, pizzip, xmldom, about
  // 430 KiB), loaded only when a document is asked for, so a JSON read never runs them; and
  // the S3 client with its presigner and the event-stream serde it loads, for bodies too
  // large for one response (190 KiB: measured 1079 KiB with them, 889 KiB without).
  readRollups: 1095,
  reportTemplate: 785,
  // The web app's pages: the rollup documents (as readRollups), the Cognito client and
  // aws-jwt-verify for sign-in, the EventBridge client for reports, hono's JSX renderer.
  // The admin pages: the import's readers and the Cognito client. Page handlers that sign
  // people in, not hot API paths.
  // The admin pages also list the outbox (reminders). The quarter's downloads add the S3
  // client, its presigner and the event-stream serde, as readRollups (185 KiB: measured
  // 1228 KiB, 1042 KiB without); lru-cache keeps the live quarter (measured 1245 KiB with
  // it).
  webPages: 1260,
  webAdmin: 715,
  evaluateTaskRisk: 435,
  notifyRisk: 380,
  closePeriods: 450,
  riskScan: 435,
  // The settings and the job a run is submitted as (measured 445 KiB; 553 KiB while it
  // ran the reminders itself).
  reminders: 460,
  // The reminders read the people's addresses through the Cognito client (about 65 KiB)
  // and queue mail through the SQS client; the run's audit entry (measured 491 KiB).
  reminderJob: 500,
  // The mail queue's consumer: SES and Powertools' batch processing.
  sendMail: 480,
};

describe('bundles', () => {
  it.each(handlers)(
    '%s is a minified ESM bundle with the require banner and a source map',
    (handler) => {
      // Prepare
      const directory = bundleDirectory(handler);

      // Act
      const code = readFileSync(join(directory, 'index.mjs'), 'utf8');

      // Assess
      expect(code.startsWith(`${ESM_REQUIRE_BANNER}\n`)).toBe(true);
      expect(existsSync(join(directory, 'index.mjs.map'))).toBe(true);
      expect(code).toContain('//# sourceMappingURL=index.mjs.map');
      // Minified: long lines, not one statement per line.
      expect(code.split('\n').length).toBeLessThan(code.length / 500);
    },
  );

  it.each(handlers)(
    '%s imports nothing but Node.js built-ins: the AWS SDK is inside',
    (handler) => {
      // Prepare
      const code = readFileSync(join(bundleDirectory(handler), 'index.mjs'), 'utf8');

      // Act
      const imported = [...code.matchAll(STATIC_IMPORT)].map((match) => String(match[1]));

      // Assess
      expect(imported.filter((specifier) => !isBuiltin(specifier))).toEqual([]);
      if (DECLARED[handler]?.grants.table) {
        // The DynamoDB protocol's target prefix: the client itself was bundled.
        expect(code).toContain('DynamoDB_20120810');
      }
    },
  );

  it.each(handlers)(
    '%s loads only the modules Lambda never reaches lazily, from outside the bundle',
    (handler) => {
      // Prepare
      const code = readFileSync(join(bundleDirectory(handler), 'index.mjs'), 'utf8');

      // Act
      const lazy = [...code.matchAll(DYNAMIC_IMPORT)].map((match) => String(match[1]));

      // Assess
      const allowed: readonly string[] = NEVER_LOADED_ON_LAMBDA;
      expect(
        lazy.filter((specifier) => !isBuiltin(specifier) && !allowed.includes(specifier)),
      ).toEqual([]);
      if (DECLARED[handler]?.grants.table) {
        // The SDK's credential chain is inside; the sources after the environment are not.
        expect(lazy).toContain('@aws-sdk/credential-provider-sso');
      }
    },
  );

  it.each(handlers)('%s carries the S3 client only if it stores large bodies', (handler) => {
    // Prepare
    const stores = DECLARED[handler]?.grants.largeBodies === true;

    // Act
    const code = readFileSync(join(bundleDirectory(handler), 'index.mjs'), 'utf8');

    // Assess: the S3 client's endpoint rules name the Object Lambda service; nothing else does.
    expect(code.includes('s3-object-lambda')).toBe(stores);
  });

  it.each(handlers)('%s stays within the bundle budget, without a tracing SDK', (handler) => {
    // Prepare
    const file = join(bundleDirectory(handler), 'index.mjs');

    // Act
    const code = readFileSync(file, 'utf8');

    // Assess
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(BUDGETS_KIB[handler] * 1024);
    // Lambda's active tracing needs no SDK: the X-Ray SDK reads this variable.
    expect(code).not.toContain('AWS_XRAY_DAEMON_ADDRESS');
  });

  it.each(handlers)(
    '%s carries no registry data: plans and agencies are read from the table',
    (handler) => {
      // Prepare: every seed agency's id (esbuild escapes the Vietnamese names, not the ids).
      const file = join(bundleDirectory(handler), 'index.mjs');
      const ids = seedAgencies().map((agency) => agency.id);

      // Act
      const code = readFileSync(file, 'utf8');

      // Assess
      expect(ids.filter((id) => code.includes(`"${id}"`))).toEqual([]);
    },
  );

  it('load in plain Node.js and export a handler function', () => {
    // Prepare
    const files = Object.fromEntries(
      handlers.map((handler) => [handler, join(bundleDirectory(handler), 'index.mjs')]),
    );
    // Each web function reads its bundled assets when it loads, from the folder beside it.
    const script = `
      const files = ${JSON.stringify(files)};
      const kinds = {};
      for (const [name, file] of Object.entries(files)) {
        kinds[name] = typeof (await import(file)).handler;
      }
      process.stdout.write(JSON.stringify(kinds));
    `;

    // Act
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        PATH: process.env.PATH,
        AWS_REGION: 'ap-southeast-1',
        TABLE_NAME: 'progress-bundle-test',
        EVENT_BUS_NAME: 'progress-bundle-test',
        RISK_TOPIC_ARN: 'arn:aws:sns:ap-southeast-1:123456789012:risks',
        MAIL_QUEUE_URL: 'https://sqs.ap-southeast-1.amazonaws.com/123456789012/mail',
        MAIL_FROM: 'no-reply@langson.gov.vn',
        PUBLIC_BASE_URL: 'https://tiendo.langson.gov.vn',
        LARGE_BODY_BUCKET: 'langson-large-bodies-bundle-test',
        POWERTOOLS_LOG_LEVEL: 'SILENT',
        POWERTOOLS_METRICS_DISABLED: 'true',
        AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
      },
    });

    // Assess
    expect(result.stderr).not.toMatch(/Dynamic require|ERR_|Error:/);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(
      Object.fromEntries(handlers.map((handler) => [handler, 'function'])),
    );
  }, 60_000);
});
