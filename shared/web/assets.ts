/**
 * The web app's static files, declared once: the CDK app copies each into the web
 * functions' bundles (as `<name>`, under WEB_ASSETS_DIR), and the page handler serves
 * them under a name carrying a hash of their content, so a browser may keep each for a
 * year and still never run a stale one.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ASSET_FILES = {
  css: {
    name: 'app.css',
    source: 'shared/web/assets/app.css',
    type: 'text/css; charset=utf-8',
  },
  app: {
    name: 'app.js',
    source: 'shared/web/assets/app.js',
    type: 'text/javascript; charset=utf-8',
  },
  htmx: {
    name: 'htmx.js',
    source: 'node_modules/htmx.org/dist/htmx.min.js',
    type: 'text/javascript; charset=utf-8',
  },
  /** The API documentation viewer (openapi-explorer): the one page over the script budget. */
  apiViewer: {
    name: 'openapi-explorer.js',
    source: 'node_modules/openapi-explorer/dist/browser/openapi-explorer.min.js',
    type: 'text/javascript; charset=utf-8',
  },
} as const;

export type AssetKey = keyof typeof ASSET_FILES;

export interface Asset {
  key: AssetKey;
  /** `app.3f9a2c1b7d.css`: what the URL names. */
  hashedName: string;
  type: string;
  body: Buffer;
}

export interface AssetCatalog {
  /** The hashed file name of each asset, for the pages' links. */
  names: Readonly<Record<AssetKey, string>>;
  byHashedName(name: string): Asset | undefined;
}

/** The repository root, from this module's folder (shared/web). */
const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** In a bundle, this module is the bundle's index.mjs: the assets sit in a folder beside it. */
function bundledAssets(): string | undefined {
  const beside = join(import.meta.dirname, 'web-assets');
  return existsSync(beside) ? beside : undefined;
}

/**
 * Reads every asset once. In a Lambda bundle the files sit flat in WEB_ASSETS_DIR under
 * their names; elsewhere (the local runtime, tests) they are read where the repository
 * keeps them.
 */
export function loadAssets(
  assetsDir: string | undefined = process.env.WEB_ASSETS_DIR ?? bundledAssets(),
): AssetCatalog {
  const assets = (Object.keys(ASSET_FILES) as AssetKey[]).map((key): Asset => {
    const declared = ASSET_FILES[key];
    const body = readFileSync(
      assetsDir ? join(assetsDir, declared.name) : join(REPO_ROOT, declared.source),
    );
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    const dot = declared.name.lastIndexOf('.');
    const hashedName = `${declared.name.slice(0, dot)}.${hash}${declared.name.slice(dot)}`;
    return { key, hashedName, type: declared.type, body };
  });
  const byName = new Map(assets.map((asset) => [asset.hashedName, asset]));
  return {
    names: Object.fromEntries(assets.map((asset) => [asset.key, asset.hashedName])) as Record<
      AssetKey,
      string
    >,
    byHashedName: (name) => byName.get(name),
  };
}
