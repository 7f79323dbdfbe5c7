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
import { HANDLERS } from '#shared/platform/handlers.ts';
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
const handlers = Object.keys(DECLARED);

/** Top-level `import … from "x"` and `import "x"` statements of a minified ESM bundle. */
const STATIC_IMPORT = /(?:^|[;\n])import(?:[\w*{}\s,$]+from)?\s*["']([^"']+)["']/g;
/** `import("x")` expressions: modules loaded only when the code that asks for them runs. */
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

/**
 * The largest bundle allowed, in bytes. Most of every bundle is the AWS SDK, bundled on
 * purpose (see lambda-bundling.ts and BENCHMARKS.md, figure 3); the budget keeps what is
 * left from growing unnoticed: raise it only with the measurement that justifies it.
 */
const BUNDLE_BUDGET_BYTES = 480 * 1024;
/**
 * The import also carries the document readers: htmlparser2 for cells and Word XML, yauzl
 * for the .docx, and the notice parser (measured: 592 KiB with them, 430 KiB without).
 * Measured after periods, roles and the web app joined (2026-12-02): every API bundle
 * grew by 5-15 KiB (period rules, the audit trail, the approval flow); issue 14 takes
 * them under 250 KiB.
 */
const BUDGETS: Partial<Record<string, number>> = {
  // Measured after the merge of the web app (wave 2), which left these over the default:
  // submitReport 476 KiB, collaborate 479 KiB, manageRegistry 473 KiB, adminJobs 505 KiB.
  submitReport: 485 * 1024,
  collaborate: 485 * 1024,
  manageRegistry: 480 * 1024,
  adminJobs: 512 * 1024,
  // The import also carries the document readers (htmlparser2, yauzl, the notice parser):
  // measured 593 KiB.
  importPlan: 600 * 1024,
  // The Excel and Word renderers (write-excel-file, docxtemplater, pizzip, xmldom): about
  // 400 KiB, imported only when a document is asked for, so a JSON read never runs them
  // (measured 876 KiB and 764 KiB).
  readRollups: 885 * 1024,
  reportTemplate: 770 * 1024,
  // The web app's pages: the rollup documents (as readRollups), the Cognito client and
  // aws-jwt-verify for sign-in, the EventBridge client for reports, hono's JSX renderer
  // (measured: 1,069 KiB). The admin pages: the import's readers, the Cognito client and
  // the outbox page (694 KiB). Both are page handlers that sign people in, not hot API paths.
  webPages: 1080 * 1024,
  webAdmin: 705 * 1024,
  // The reminders read the people's addresses through the Cognito client (about 65 KiB)
  // and queue mail through the SQS client; the admin route adds the idempotent HTTP stack
  // (measured 544 KiB and 481 KiB).
  reminders: 555 * 1024,
  reminderJob: 490 * 1024,
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

  it.each(handlers)('%s stays within the bundle budget, without a tracing SDK', (handler) => {
    // Prepare
    const file = join(bundleDirectory(handler), 'index.mjs');

    // Act
    const code = readFileSync(file, 'utf8');

    // Assess
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(BUDGETS[handler] ?? BUNDLE_BUDGET_BYTES);
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
