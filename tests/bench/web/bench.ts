/**
 * Part 5: the web app's pages on the local runtime with the seed plans, against the budgets
 * of issue 12: under 100 KB of JavaScript on any page, compressed, and every page under
 * 1 s. For each page route, opened by the person who would open it: the time to its whole
 * HTML over loopback (requests to all pages in turns, after a warm-up), the bytes of the
 * HTML and of every script and stylesheet it references, raw and gzip-compressed, and,
 * where Chromium is installed, a first visit in a real browser to the end of its load event.
 */
import { loadavg } from 'node:os';
import { runMeasurement, startServer } from '../lib/child.ts';
import { readOptions } from '../lib/options.ts';
import { progress } from '../lib/progress.ts';
import { median, percentile } from '../lib/stats.ts';
import { loadInBrowser, openBrowser, type BrowserLoad } from './browser-load.ts';
import { measuredPages, type MeasuredPage } from './pages.ts';
import {
  fetchBytes,
  weigh,
  weighPage,
  type FileWeight,
  type PageWeight,
  type Weight,
} from './page-weight.ts';
import type { WebPlatformInfo } from './platform-server.ts';
import { timePage } from './server-time.ts';
import { signIn } from './sign-in.ts';

/** Issue 12's budgets. 100 KB read strictly as 100,000 bytes, not 102,400. */
export const WEB_BUDGETS = { scriptGzipBytes: 100_000, pageMs: 1_000 } as const;

export interface WebPageResult {
  name: string;
  route: string;
  path: string;
  viewer: MeasuredPage['viewer'];
  scriptBudgetException: string | null;
  serverMs: { p50: number; p95: number };
  /** CPU time the platform's process spent on a request (handler, gateway and dynalite). */
  serverCpuMs: { p50: number; p95: number };
  html: Weight;
  scripts: FileWeight[];
  stylesheets: FileWeight[];
  /** What the page's scripts fetch once loaded (the API viewer's OpenAPI description). */
  fetches: FileWeight[];
  /** Median of the browser loads; null when no browser ran. */
  browser: BrowserLoad | null;
}

export interface WebPartResult {
  /**
   * The day this part ran, and the 1-minute load average as it began and ended: wall-clock
   * figures stretch with other work on the same cores.
   */
  measuredOn: string;
  loadAverage: { start: number; end: number };
  requestsPerPage: number;
  warmUpRequestsPerPage: number;
  browserLoadsPerPage: number;
  /** Why there is no browser column, when there is none. */
  browserSkipped: string | null;
  budgets: { scriptGzipBytes: number; pageMs: number };
  pages: WebPageResult[];
}

runMeasurement(async () => {
  const { quick } = readOptions();
  const loadAtStart = loadavg()[0] ?? 0;
  const requests = quick ? 10 : 50;
  const warmUp = quick ? 2 : 5;
  const browserLoads = quick ? 1 : 5;
  const server = await startServer<WebPlatformInfo>('tests/bench/web/platform-server.ts');
  let opened: Awaited<ReturnType<typeof openBrowser>> = { skipped: 'not started' };
  try {
    opened = await openBrowser();
    const { url, accounts } = server.ready;
    progress('web', 'signing in a leader, an agency officer and an admin');
    const cookies = {
      leader: await signIn(url, accounts.leader),
      officer: await signIn(url, accounts.officer),
      admin: await signIn(url, accounts.admin),
      nobody: undefined,
    };
    const pages = measuredPages(new Date());
    const request = async (page: MeasuredPage) => {
      const answer = await timePage(`${url}${page.path}`, cookies[page.viewer]);
      if (answer.status !== 200) throw new Error(`${page.path} answered ${answer.status}`);
      return answer;
    };
    const serverCpuMs = () => server.call<number>('cpuMs');

    progress('web', `warming up: ${warmUp} request(s) to each of ${pages.length} pages`);
    for (let round = 0; round < warmUp; round++) {
      for (const page of pages) await request(page);
    }
    // In turns, so that whatever else the machine does falls on every page alike.
    progress('web', `timing: ${requests} request(s) to each page, in turns`);
    const times = new Map(
      pages.map((page) => [page.path, { wall: [] as number[], cpu: [] as number[] }]),
    );
    for (let round = 0; round < requests; round++) {
      for (const page of pages) {
        const cpuBefore = await serverCpuMs();
        const { ms } = await request(page);
        const cpu = (await serverCpuMs()) - cpuBefore;
        times.get(page.path)?.wall.push(ms);
        times.get(page.path)?.cpu.push(cpu);
      }
    }

    progress('web', 'weighing each page and the files it references');
    const weights = new Map<string, PageWeight & { fetches: FileWeight[] }>();
    for (const page of pages) {
      const weight = await weighPage(url, (await request(page)).body);
      const fetches = await Promise.all(
        (page.fetches ?? []).map(async (path) => ({
          path,
          ...weigh(await fetchBytes(`${url}${path}`, cookies[page.viewer])),
        })),
      );
      weights.set(page.path, { ...weight, fetches });
    }

    const loads = new Map<string, BrowserLoad>();
    if ('browser' in opened) {
      progress('web', `loading each page ${browserLoads} time(s) in Chromium, cache empty`);
      for (const page of pages) {
        const runs: BrowserLoad[] = [];
        for (let run = 0; run < browserLoads; run++) {
          runs.push(
            await loadInBrowser(opened.browser, `${url}${page.path}`, cookies[page.viewer]),
          );
        }
        loads.set(page.path, {
          loadMs: median(runs.map((load) => load.loadMs)),
          scriptBytes: median(runs.map((load) => load.scriptBytes)),
        });
      }
    } else {
      progress('web', `no browser column: ${opened.skipped}`);
    }

    const results = pages.map((page): WebPageResult => {
      const samples = times.get(page.path) ?? { wall: [], cpu: [] };
      const weight = weights.get(page.path);
      if (!weight) throw new Error(`${page.path} was not weighed`);
      return {
        name: page.name,
        route: page.route,
        path: page.path,
        viewer: page.viewer,
        scriptBudgetException: page.scriptBudgetException ?? null,
        serverMs: { p50: median(samples.wall), p95: percentile(samples.wall, 95) },
        serverCpuMs: { p50: median(samples.cpu), p95: percentile(samples.cpu, 95) },
        ...weight,
        browser: loads.get(page.path) ?? null,
      };
    });

    return {
      measuredOn: new Date().toISOString().slice(0, 10),
      loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
      requestsPerPage: requests,
      warmUpRequestsPerPage: warmUp,
      browserLoadsPerPage: 'browser' in opened ? browserLoads : 0,
      browserSkipped: 'skipped' in opened ? opened.skipped : null,
      budgets: { ...WEB_BUDGETS },
      pages: results,
    } satisfies WebPartResult;
  } finally {
    if ('browser' in opened) await opened.browser.close();
    await server.stop();
  }
});
