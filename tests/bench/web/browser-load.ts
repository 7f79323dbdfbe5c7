/**
 * A page loaded in a real browser, Debian's Chromium driven by playwright-core as in the
 * browser tests: a fresh context each time (an empty cache, as on a first visit), from the
 * navigation's start to the end of its load event, read from the page's own Navigation
 * Timing. The scripts the browser loaded are summed too, a check on the HTML scan.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import * as z from 'zod';
import { CHROMIUM, launchChromium } from '../../web/browser.ts';

const browserLoadSchema = z.object({
  /** Navigation start to the end of the load event. */
  loadMs: z.number().nonnegative(),
  /** Bytes of the scripts the page loaded, as served (uncompressed locally). */
  scriptBytes: z.number().int().nonnegative(),
});
export type BrowserLoad = z.infer<typeof browserLoadSchema>;

// Run in the page, so written as source: this project's TypeScript has no DOM types.
const NAVIGATION_ENDED = `performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0`;
const MEASURE = `(() => {
  const [navigation] = performance.getEntriesByType('navigation');
  const scripts = performance
    .getEntriesByType('resource')
    .filter((entry) => entry.initiatorType === 'script');
  return {
    loadMs: navigation.loadEventEnd - navigation.startTime,
    scriptBytes: scripts.reduce((sum, entry) => sum + entry.decodedBodySize, 0),
  };
})()`;

/** A reason instead of a browser when Chromium is missing or fails to start: an optional column. */
export async function openBrowser(): Promise<{ browser: Browser } | { skipped: string }> {
  if (!existsSync(CHROMIUM)) {
    return { skipped: `no ${CHROMIUM} on this machine (apt-get install -y chromium)` };
  }
  try {
    return { browser: await launchChromium() };
  } catch (error) {
    return { skipped: `${CHROMIUM} did not start (${(error as Error).message.split('\n')[0]})` };
  }
}

export async function loadInBrowser(
  browser: Browser,
  url: string,
  sessionCookie: string | undefined,
): Promise<BrowserLoad> {
  const context = await browser.newContext();
  try {
    if (sessionCookie) {
      const equals = sessionCookie.indexOf('=');
      const [name, value] = [sessionCookie.slice(0, equals), sessionCookie.slice(equals + 1)];
      await context.addCookies([{ name, value, url }]);
    }
    const page = await context.newPage();
    const response = await page.goto(url, { waitUntil: 'load' });
    if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status()}`);
    // The page's own clock, after its load event has ended (set just after 'load' fires).
    await page.waitForFunction(NAVIGATION_ENDED);
    return browserLoadSchema.parse(await page.evaluate(MEASURE));
  } finally {
    await context.close();
  }
}
