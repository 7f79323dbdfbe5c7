/**
 * Bundles a handler as the CDK app does (infra/cdk/constructs/house-function.ts: NodejsFunction
 * with the local esbuild): ESM, minified, Node 24 target, platform node, packages' ESM
 * builds preferred, the AWS SDK inside the bundle, a linked source map without sources,
 * and the createRequire banner.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { ESM_REQUIRE_BANNER } from '#infra/cdk/constructs/house-function.ts';
import { REPO_ROOT } from '../lib/child.ts';

export interface BuiltBundle {
  file: string;
  bytes: number;
  /** gzip -9 of the bundle: about what the deployment zip carries. */
  gzipBytes: number;
  mapBytes: number;
  /** The packages that weigh most in the minified output, heaviest first. */
  heaviest: { name: string; bytes: number }[];
}

/** `node_modules/@aws-sdk/client-dynamodb/dist-es/…` → `@aws-sdk/client-dynamodb`; own code → `(project)`. */
function packageOf(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match?.[1] ?? '(project)';
}

export async function bundle(entry: string, outDir: string): Promise<BuiltBundle> {
  const outfile = join(outDir, 'index.mjs');
  const result = await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    mainFields: ['module', 'main'],
    external: [],
    banner: { js: ESM_REQUIRE_BANNER },
    metafile: true,
    logLevel: 'warning',
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined);
  const byPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
  }
  return {
    file: outfile,
    bytes: (await stat(outfile)).size,
    gzipBytes: gzipSync(await readFile(outfile), { level: 9 }).byteLength,
    mapBytes: (await stat(`${outfile}.map`)).size,
    heaviest: [...byPackage.entries()]
      .map(([name, bytes]) => ({ name, bytes }))
      .sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name))
      .slice(0, 3),
  };
}
