/** Figure 5 in BENCHMARKS.md: the web app's pages against issue 12's budgets. */
import type { WebPageResult, WebPartResult } from '../../web/bench.ts';
import type { FileWeight } from '../../web/page-weight.ts';
import { total } from '../../web/page-weight.ts';
import { bytes, int, ms, num, table } from '../format.ts';

const HEADING = "## 5. The web app's pages: weight and time against the budgets";

/** `/tai-nguyen/htmx.0a1b2c3d4e5f.js` as `htmx.js`: the hash changes with every edit. */
const fileName = (path: string): string =>
  (path.split('/').pop() ?? path).replace(/\.[0-9a-f]{12}\./, '.');

/** The slower of the server's p95 and the first visit in a browser: what the 1 s budget holds. */
const slowest = (page: WebPageResult): number =>
  Math.max(page.serverMs.p95, page.browser?.loadMs ?? 0);

function verdict(page: WebPageResult, budgets: WebPartResult['budgets']): string {
  const problems: string[] = [];
  if (total(page.scripts).gzip > budgets.scriptGzipBytes) {
    problems.push(page.scriptBudgetException ? 'JS over: the stated exception' : '**JS over**');
  }
  if (slowest(page) >= budgets.pageMs) problems.push('**time over**');
  return problems.length === 0 ? 'yes' : problems.join('; ');
}

const VIEWERS: Record<WebPageResult['viewer'], string> = {
  leader: 'leader',
  officer: 'agency officer',
  admin: 'admin',
  nobody: 'nobody signed in',
};

/** Every distinct script and stylesheet, with the pages that load it. */
function filesTable(pages: readonly WebPageResult[]): string {
  const files = new Map<string, { file: FileWeight; kind: string; pages: string[] }>();
  for (const page of pages) {
    for (const [kind, list] of [
      ['script', page.scripts],
      ['stylesheet', page.stylesheets],
    ] as const) {
      for (const file of list) {
        const entry = files.get(file.path) ?? { file, kind, pages: [] };
        entry.pages.push(page.name);
        files.set(file.path, entry);
      }
    }
  }
  const rows = [...files.values()].map(({ file, kind, pages: on }) => [
    `\`${fileName(file.path)}\``,
    kind,
    bytes(file.raw),
    bytes(file.gzip),
    on.length === pages.length ? 'every page' : on.join(', '),
  ]);
  return table(['file', 'kind', 'raw', 'gzip -9', 'loaded by'], rows, ['l', 'l', 'r', 'r', 'l']);
}

/** Pages whose scripts in the browser differ from what the HTML names: a scan that missed some. */
function browserCheck(pages: readonly WebPageResult[]): string {
  const measured = pages.filter((page) => page.browser);
  if (measured.length === 0) return '';
  const differing = measured.filter(
    (page) => page.browser?.scriptBytes !== total(page.scripts).raw,
  );
  if (differing.length === 0) {
    return 'On every page the scripts Chromium loaded add up to the raw bytes of the scripts the HTML names: the scan misses nothing the browser runs.';
  }
  return `The scripts Chromium loaded differ from those the HTML names on ${differing
    .map(
      (page) =>
        `${page.name} (${bytes(page.browser?.scriptBytes ?? 0)} loaded, ${bytes(total(page.scripts).raw)} named)`,
    )
    .join(', ')}.`;
}

export function webSection(result: WebPartResult | null): string {
  if (!result) return `${HEADING}\n\nNot measured in this run.\n`;
  const { budgets, pages } = result;
  const browserColumn = result.browserLoadsPerPage > 0;
  const rows = pages.map((page) => [
    `${page.name} \`${page.route}\``,
    VIEWERS[page.viewer],
    ms(page.serverMs.p50),
    ms(page.serverMs.p95),
    ms(page.serverCpuMs.p50),
    ...(browserColumn ? [ms(page.browser?.loadMs ?? Number.NaN)] : []),
    `${bytes(page.html.raw)} / ${bytes(page.html.gzip)}`,
    bytes(total(page.scripts).gzip),
    bytes(total(page.stylesheets).gzip),
    verdict(page, budgets),
  ]);
  const headers = [
    'page',
    'opened by',
    'server p50',
    'server p95',
    'server CPU p50',
    ...(browserColumn ? ['first visit in Chromium'] : []),
    'HTML raw / gzip',
    'JS gzip',
    'CSS gzip',
    'within budgets',
  ];
  const align = headers.map((_, i) => (i < 2 || i === headers.length - 1 ? 'l' : 'r')) as (
    'l' | 'r'
  )[];
  const exceptions = pages.filter((page) => page.scriptBudgetException);
  const fetched = pages.flatMap((page) =>
    page.fetches.map(
      (file) =>
        `After its load event the ${page.name} page's script fetches \`${file.path}\` (${bytes(file.raw)} raw, ${bytes(file.gzip)} gzip -9), counted in none of its figures.`,
    ),
  );
  const browserText = browserColumn
    ? `**First visit in Chromium**: Debian's Chromium driven by playwright-core (as in the
  browser tests), a fresh context each time (empty cache, the session cookie set), from the
  navigation's start to the end of its load event by the page's own Navigation Timing;
  median of ${result.browserLoadsPerPage}.`
    : `**No browser column**: ${result.browserSkipped ?? 'no browser ran'}.`;
  return `${HEADING}

**What it measures.** The local runtime with the seed plans only (a fresh data folder, as
\`npm start\` makes it), in a process of its own; one page of each page route in
\`PAGE_ROUTES\` (\`shared/platform/routes.ts\`), opened by the person who would open it, signed
in through the sign-in form with a personal account (\`tests/bench/web/pages.ts\`).

- **Server p50 / p95**: from sending \`GET\` to the last byte of the HTML over loopback (the
  gateway emulation, the session check, the page's reads and rendering);
  ${int(result.requestsPerPage)} requests per page after ${int(result.warmUpRequestsPerPage)} of warm-up, one at a time to every page in
  turns, so that other work on the machine falls on every page alike.
- **Server CPU**: the CPU time the platform's process (gateway, handler and dynalite, all
  threads) spent on each of those requests, which waiting for a busy core does not inflate
  as it does the wall clock.
- **Bytes**: the HTML and every script and stylesheet it references (\`<script src>\`,
  \`<link rel="stylesheet">\`), raw and compressed with node:zlib's gzip at level 9, as a
  gateway or CDN would send them; each file compressed on its own, as it travels.
- ${browserText}

Measured on ${result.measuredOn}; the 1-minute load average was ${num(result.loadAverage.start)} as the part began
and ${num(result.loadAverage.end)} as it ended, on the cores of the machine above.

**Budgets** (issue 12): at most ${int(budgets.scriptGzipBytes)} bytes (${bytes(budgets.scriptGzipBytes)}: 100 KB read
strictly) of JavaScript per page, compressed; every page under ${ms(budgets.pageMs)}, held against
the slower of the server's p95 and the first visit in the browser.

${table(headers, rows, align)}

${
  exceptions.length > 0
    ? `The stated exception: ${exceptions.map((page) => `the ${page.name} page (\`${page.path}\`), ${page.scriptBudgetException}`).join('; ')} (README, "The web app").`
    : ''
} ${fetched.join(' ')}

The files the pages load (served under content-hashed names, cached for a year, so a
second page pays for none of them):

${filesTable(pages)}

${browserCheck(pages)}

**Limits.** Loopback only: no TLS and no network, so a phone on a mobile network adds its
round trips and transfer time to every figure here. The local runtime serves every file
uncompressed; the compressed sizes are computed, and on AWS they are what travels: the CDK
app sets the API's \`minimumCompressionSize\` to 1 KiB (infra/cdk/constructs/progress-api.ts),
so API Gateway compresses every answer from that size for a browser that accepts gzip. dynalite stands in for DynamoDB, and the cores are shared with the client
and the browser.
`;
}
