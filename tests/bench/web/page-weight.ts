/**
 * What a page makes a browser download: its HTML and every script and stylesheet the HTML
 * references, each raw and gzip-compressed at level 9, as a gateway or CDN would send it
 * (API Gateway compresses with gzip or deflate, never brotli). The local runtime serves
 * everything uncompressed, so the compressed sizes are computed here.
 */
import { gzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';

export interface Weight {
  raw: number;
  gzip: number;
}

export interface FileWeight extends Weight {
  /** The path the page names (`/tai-nguyen/htmx.0a1b2c3d4e5f.js`). */
  path: string;
}

export interface PageWeight {
  html: Weight;
  scripts: FileWeight[];
  stylesheets: FileWeight[];
}

export const weigh = (body: Buffer): Weight => ({
  raw: body.byteLength,
  gzip: gzipSync(body, { level: 9 }).byteLength,
});

/** The scripts and stylesheets an HTML document references, in document order. */
export function referencedFiles(html: string): { scripts: string[]; stylesheets: string[] } {
  const scripts: string[] = [];
  const stylesheets: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'script' && attributes.src) scripts.push(attributes.src);
      const rel = attributes.rel?.toLowerCase().split(/\s+/) ?? [];
      if (name === 'link' && rel.includes('stylesheet') && attributes.href) {
        stylesheets.push(attributes.href);
      }
    },
  });
  parser.end(html);
  return { scripts, stylesheets };
}

export async function fetchBytes(url: string, cookie?: string): Promise<Buffer> {
  const response = await fetch(url, { headers: cookie ? { cookie } : {} });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return body;
}

/** The page's HTML (already fetched) and the files it references, fetched from the same origin. */
export async function weighPage(origin: string, html: Buffer): Promise<PageWeight> {
  const { scripts, stylesheets } = referencedFiles(html.toString('utf8'));
  const weighFile = async (path: string): Promise<FileWeight> => ({
    path,
    ...weigh(await fetchBytes(new URL(path, origin).href)),
  });
  return {
    html: weigh(html),
    scripts: await Promise.all(scripts.map(weighFile)),
    stylesheets: await Promise.all(stylesheets.map(weighFile)),
  };
}

export const total = (files: readonly Weight[]): Weight => ({
  raw: files.reduce((sum, file) => sum + file.raw, 0),
  gzip: files.reduce((sum, file) => sum + file.gzip, 0),
});
