/**
 * How every function is bundled, said once: the house function hands it to CDK's esbuild,
 * and the benchmark (tests/bench/bundles) builds with it, so BENCHMARKS.md measures what is
 * deployed. The choices below are measured there (figure 3).
 */

/**
 * An ESM bundle has no `require`, yet a CommonJS dependency bundled into it that requires a
 * Node.js built-in fails at load with "Dynamic require of util is not supported". None of
 * today's does (the X-Ray SDK did), but the parsers the second wave plans for .docx tables
 * are CommonJS; the banner costs nothing measurable. The import is aliased because esbuild
 * does not see the banner and could emit its own `createRequire`.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __bannerCreateRequire } from 'node:module'; const require = __bannerCreateRequire(import.meta.url);";

/**
 * Modules the AWS SDK imports lazily (`await import(…)`) that a Lambda function never
 * reaches. Left out of the bundle, they stay dynamic imports that would resolve to the
 * runtime's own copy of the SDK if they ever were reached. Together about 150 KiB of every
 * bundle that uses the SDK and close to a fifth of its Init phase: code Node.js must still
 * parse when it is bundled, even if it never runs.
 *
 * - The credential sources after the environment in the SDK's default chain: Lambda puts
 *   the function role's credentials in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
 *   AWS_SESSION_TOKEN, and the chain stops at the first source that answers.
 * - Event-stream serde: none of DynamoDB, EventBridge and SNS streams events.
 */
export const NEVER_LOADED_ON_LAMBDA = [
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-web-identity',
  '@aws-sdk/credential-provider-http',
  '@smithy/credential-provider-imds',
  '@smithy/core/event-streams',
] as const;

/**
 * The event-stream serde, which the S3 client imports when it loads (SelectObjectContent
 * streams events): bundled into the functions that use S3, external to the others.
 */
export const EVENT_STREAMS = '@smithy/core/event-streams';

/** What stays outside one function's bundle: NEVER_LOADED_ON_LAMBDA less what its clients load. */
export function externalModulesFor(usesS3: boolean): string[] {
  return NEVER_LOADED_ON_LAMBDA.filter((module) => !(usesS3 && module === EVENT_STREAMS));
}

export const LAMBDA_BUNDLING = {
  format: 'esm',
  /** The runtime's Node.js: esbuild keeps the syntax it supports natively. */
  target: 'node24',
  /** Packages' ESM builds first: esbuild tree-shakes ES modules, not CommonJS. */
  mainFields: ['module', 'main'],
  minify: true,
  sourceMap: true,
  /** Stack traces need the mappings, not the sources: keeps the source map small. */
  sourcesContent: false,
  /**
   * The AWS SDK is bundled, not taken from the runtime's copy (CDK's default): with the
   * runtime's copy, which Node.js loads as dozens of unminified CommonJS packages, the Init
   * phase takes about three times as long and the whole cold start two to three times
   * (BENCHMARKS.md, figure 3 measures both); and the version that runs is the one our lock
   * file pins and our tests ran, not one the runtime updates on its own schedule. The cost
   * is size: the SDK is about half of every bundle that uses it.
   */
  externalModules: NEVER_LOADED_ON_LAMBDA,
  banner: ESM_REQUIRE_BANNER,
} as const;
