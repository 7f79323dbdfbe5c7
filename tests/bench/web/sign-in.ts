/**
 * Signing in over HTTP as a browser does: the sign-in page sets its CSRF cookie, the form
 * posts it back with the account, and the answer sets the session cookie. The result is the
 * `Cookie` header later requests carry.
 */
import { SESSION_COOKIE, SIGN_IN_COOKIE } from '#functions/web/http/responses.ts';
import type { Account } from './platform-server.ts';

/** `name=value` of the cookie a response sets under that name. */
function cookieSet(response: Response, name: string): string {
  const pair = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((candidate) => candidate.startsWith(`${name}=`));
  if (!pair) throw new Error(`${response.url} answered ${response.status} without ${name}`);
  return pair;
}

export async function signIn(url: string, account: Account): Promise<string> {
  const page = await fetch(`${url}/dang-nhap`);
  await page.arrayBuffer();
  const csrfCookie = cookieSet(page, SIGN_IN_COOKIE);
  // A double-submit token: the form's hidden field carries the cookie's value.
  const csrf = csrfCookie.slice(SIGN_IN_COOKIE.length + 1);
  const answer = await fetch(`${url}/dang-nhap`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({
      _csrf: csrf,
      login: account.login,
      secret: account.secret,
      tiep: '/',
    }),
  });
  await answer.arrayBuffer();
  if (answer.status !== 303) throw new Error(`signing in answered ${answer.status}, not 303`);
  return cookieSet(answer, SESSION_COOKIE);
}
