/**
 * Bundles a handler as the CDK app does: `LAMBDA_BUNDLING` of
 * infra/cdk/constructs/house-function.ts, through the same local esbuild. `external`
 * replaces the modules left out of the bundle, to measure the other choice for the AWS SDK.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { LAMBDA_BUNDLING } from '#infra/cdk/constructs/lambda-bundling.ts';
import { REPO_ROOT } from '../lib/child.ts';

export interface BuiltBundle {
  file: string;
  bytes: number;
  /** gzip -9 of the bundle: about what the deployment zip carries. */
  gzipBytes: number;
  mapBytes: number;
  /** The packages that weigh most in the minified output, heaviest first. */
  heaviest: { name: string; bytes: number }[];
  /** Packages imported at run time instead of bundled (from the runtime's copy on Lambda). */
  external: string[];
}

/** `node_modules/@aws-sdk/client-dynamodb/dist-es/…` → `@aws-sdk/client-dynamodb`; own code → `(project)`. */
function packageOf(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match?.[1] ?? '(project)';
}

export async function bundle(
  entry: string,
  outDir: string,
  external: readonly string[] = LAMBDA_BUNDLING.externalModules,
): Promise<BuiltBundle> {
  const outfile = join(outDir, 'index.mjs');
  const result = await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: LAMBDA_BUNDLING.format,
    target: LAMBDA_BUNDLING.target,
    minify: LAMBDA_BUNDLING.minify,
    sourcemap: LAMBDA_BUNDLING.sourceMap,
    sourcesContent: LAMBDA_BUNDLING.sourcesContent,
    mainFields: [...LAMBDA_BUNDLING.mainFields],
    external: [...external],
    banner: { js: LAMBDA_BUNDLING.banner },
    metafile: true,
    logLevel: 'warning',
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined);
  const byPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
  }
  const imported = new Set(
    (output?.imports ?? [])
      .filter((i) => i.external && !i.path.startsWith('node:'))
      .map((i) => packageOf(`node_modules/${i.path}`)),
  );
  return {
    file: outfile,
    bytes: (await stat(outfile)).size,
    gzipBytes: gzipSync(await readFile(outfile), { level: 9 }).byteLength,
    mapBytes: (await stat(`${outfile}.map`)).size,
    heaviest: [...byPackage.entries()]
      .map(([name, bytes]) => ({ name, bytes }))
      .sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name))
      .slice(0, 3),
    external: [...imported].sort(),
  };
}
