/**
 * Part 3: every Lambda entry in HANDLERS bundled as the CDK app bundles it, its size, and
 * its cold start (Init, then the first invocation) in fresh processes, next to an empty
 * handler's bundle and to the AWS SDK clients alone. Each is also bundled with the AWS SDK
 * taken from the runtime's copy (CDK's default), the evidence for the choice
 * lambda-bundling.ts makes. Samples are taken round-robin (one of each bundle, then again),
 * so a slow moment of a shared machine spreads over all bundles instead of landing on one.
 */
import { copyFile, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { externalModulesFor, LAMBDA_BUNDLING } from '#infra/cdk/constructs/lambda-bundling.ts';
import { HANDLERS, type HandlerDeclaration, type HandlerName } from '#shared/platform/handlers.ts';
import { ASSET_FILES, BUNDLED_ASSETS_DIR } from '#shared/web/assets.ts';
import { REPO_ROOT, runMeasurement } from '../lib/child.ts';
import { readOptions } from '../lib/options.ts';
import { progress } from '../lib/progress.ts';
import { median } from '../lib/stats.ts';
import { startAwsStub } from './aws-stub.ts';
import { bundle, type BuiltBundle } from './build.ts';
import { FIRST_EVENTS } from './first-events.ts';
import { lambdaEnv, measureColdStart, writeEvent, type ColdStartSample } from './init-time.ts';
import { REFERENCES } from './references.ts';

/** A handler that stores large bodies bundles the S3 client's event-stream serde, as deployed. */
const usesS3 = (name: string): boolean =>
  (HANDLERS as Record<string, HandlerDeclaration>)[name]?.grants.largeBodies === true;

/** CDK's default for Node.js 18 and later: the AWS SDK imported from the runtime's copy. */
const RUNTIME_SDK = ['@aws-sdk/*'];

export interface ColdStartFigures {
  /** Medians over the samples, milliseconds: wall clock, and CPU time (see init-time.ts). */
  importMs: number;
  importCpuMs: number;
  firstCallMs: number;
  /** Import plus first call, per sample, then the median. */
  coldStartMs: number;
  coldStartCpuMs: number;
  /** The first invocations' outcomes (the same in every sample unless something is wrong). */
  outcomes: string[];
}

export interface BundleFigures extends Omit<BuiltBundle, 'file'>, ColdStartFigures {
  /** A handler's name, or a reference's. */
  name: string;
  entry: string;
  /** The Init phase without --enable-source-maps: what loading the source map costs. */
  importMsWithoutSourceMaps: number;
  /** The same function importing the AWS SDK from the runtime's copy. */
  runtimeSdk: (Omit<BuiltBundle, 'file'> & ColdStartFigures) | null;
}

export interface BundlesPartResult {
  samples: number;
  target: string;
  bundles: BundleFigures[];
  /** The day of this part's run: it may be rerun alone (`--only bundles`). */
  recordedOn: string;
  /** 1-minute load average when this part began: other work on the same cores. */
  loadAverageAtStart: number;
}

function coldStartFigures(samples: ColdStartSample[]): ColdStartFigures {
  return {
    importMs: median(samples.map((s) => s.importMs)),
    importCpuMs: median(samples.map((s) => s.importCpuMs)),
    firstCallMs: median(samples.map((s) => s.firstCallMs)),
    coldStartMs: median(samples.map((s) => s.importMs + s.firstCallMs)),
    coldStartCpuMs: median(samples.map((s) => s.importCpuMs + s.firstCallCpuMs)),
    outcomes: [...new Set(samples.map((s) => s.outcome))],
  };
}

const WEB_FUNCTIONS = new Set(
  Object.entries(HANDLERS as Record<string, HandlerDeclaration>)
    .filter(([, declaration]) => declaration.webAssets)
    .map(([name]) => name),
);

/**
 * A bundle as the CDK app packages it: a web function's static files in a folder beside
 * its index.mjs, where it reads them at import (shared/web/assets.ts).
 */
async function bundleWithAssets(
  { name, entry }: { name: string; entry: string },
  outDir: string,
  external?: readonly string[],
): Promise<BuiltBundle> {
  const built = await bundle(entry, outDir, external);
  if (WEB_FUNCTIONS.has(name)) {
    const assetsDir = join(outDir, BUNDLED_ASSETS_DIR);
    await mkdir(assetsDir);
    for (const asset of Object.values(ASSET_FILES)) {
      await copyFile(join(REPO_ROOT, asset.source), join(assetsDir, asset.name));
    }
  }
  return built;
}

runMeasurement(async () => {
  const loadAverageAtStart = loadavg()[0] ?? 0;
  const { quick } = readOptions();
  const samples = quick ? 3 : 10;
  const outRoot = await mkdtemp(join(tmpdir(), 'langson-bench-bundles-'));
  // A bundle that imports the SDK at run time finds it as Lambda finds the runtime's copy:
  // in a node_modules directory above it.
  await symlink(join(REPO_ROOT, 'node_modules'), join(outRoot, 'node_modules'), 'dir');
  const stub = await startAwsStub();
  try {
    const entries: { name: string; entry: string; event: unknown }[] = [
      ...[...REFERENCES].map(([name, reference]) => ({ name, ...reference })),
      ...(Object.keys(HANDLERS) as HandlerName[]).map((name) => ({
        name,
        entry: HANDLERS[name].entry,
        event: FIRST_EVENTS[name],
      })),
    ];
    progress('bundles', `bundling ${entries.length} entries, with the SDK inside and outside`);
    const built = await Promise.all(
      entries.map(async (e) => {
        await mkdir(join(outRoot, e.name), { recursive: true });
        return {
          ...e,
          eventFile: await writeEvent(join(outRoot, e.name, 'event.json'), e.event),
          deployed: await bundleWithAssets(
            e,
            join(outRoot, e.name, 'deployed'),
            externalModulesFor(usesS3(e.name)),
          ),
          runtimeSdk: REFERENCES.has(e.name)
            ? null
            : await bundleWithAssets(e, join(outRoot, e.name, 'runtime-sdk'), RUNTIME_SDK),
        };
      }),
    );

    progress('bundles', `starting each bundle ${samples} times in fresh processes`);
    const env = lambdaEnv(stub.endpoint);
    const noMapsEnv = { ...env, NODE_OPTIONS: '' };
    const deployed = new Map<string, ColdStartSample[]>();
    const withoutMaps = new Map<string, number[]>();
    const runtimeSdk = new Map<string, ColdStartSample[]>();
    const add = <T>(map: Map<string, T[]>, key: string, value: T) =>
      map.set(key, [...(map.get(key) ?? []), value]);
    // Warms the file cache (the runtime's SDK is hundreds of files); not counted.
    for (const b of built) {
      await measureColdStart(b.deployed.file, b.eventFile, env);
      if (b.runtimeSdk) await measureColdStart(b.runtimeSdk.file, b.eventFile, env);
    }
    for (let round = 0; round < samples; round++) {
      for (const b of built) {
        add(deployed, b.name, await measureColdStart(b.deployed.file, b.eventFile, env));
        const bare = await measureColdStart(b.deployed.file, b.eventFile, noMapsEnv);
        add(withoutMaps, b.name, bare.importMs);
        if (b.runtimeSdk) {
          add(runtimeSdk, b.name, await measureColdStart(b.runtimeSdk.file, b.eventFile, env));
        }
      }
    }
    const bundles = built.map((b): BundleFigures => {
      const { file: _file, ...size } = b.deployed;
      const runtimeSize = b.runtimeSdk ? (({ file: _f, ...rest }) => rest)(b.runtimeSdk) : null;
      return {
        name: b.name,
        entry: b.entry,
        ...size,
        ...coldStartFigures(deployed.get(b.name) ?? []),
        importMsWithoutSourceMaps: median(withoutMaps.get(b.name) ?? []),
        runtimeSdk: runtimeSize && {
          ...runtimeSize,
          ...coldStartFigures(runtimeSdk.get(b.name) ?? []),
        },
      };
    });
    return {
      samples,
      target: LAMBDA_BUNDLING.target,
      bundles,
      recordedOn: new Date().toISOString().slice(0, 10),
      loadAverageAtStart,
    } satisfies BundlesPartResult;
  } finally {
    await stub.close();
    await rm(outRoot, { recursive: true, force: true });
  }
});
