/**
 * One page request as the client sees it over loopback: from sending the request to the
 * last byte of the HTML, so the figure holds the gateway emulation, the session check, the
 * page's reads and the rendering. Asset requests are not timed (they are static and cached
 * for a year).
 */
export interface TimedPage {
  ms: number;
  status: number;
  body: Buffer;
}

export async function timePage(url: string, cookie: string | undefined): Promise<TimedPage> {
  const started = performance.now();
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  const body = Buffer.from(await response.arrayBuffer());
  return { ms: performance.now() - started, status: response.status, body };
}
