/**
 * What pages answer: HTML with the app's security headers, redirects after a POST (303),
 * and the cookies of a session.
 */
import type { APIGatewayProxyResult } from 'aws-lambda';
import { serialize } from 'hono/utils/cookie';

/**
 * Everything comes from the app's own origin; inline styles are allowed only where a page
 * asks (the API viewer's web component), never inline scripts.
 */
export function contentSecurityPolicy(options: { inlineStyles?: boolean } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self'${options.inlineStyles ? " 'unsafe-inline'" : ''}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export interface HtmlOptions {
  cookies?: string[];
  inlineStyles?: boolean;
}

export function html(
  statusCode: number,
  body: string,
  options: HtmlOptions = {},
): APIGatewayProxyResult {
  return withCookies(
    {
      statusCode,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': contentSecurityPolicy(options),
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'same-origin',
        // Pages show what a person may see: never kept by a shared cache or the back button.
        'cache-control': 'no-store',
      },
      body,
    },
    options.cookies,
  );
}

/** 303 See Other: after a form, the browser GETs the next page. */
export function redirect(location: string, cookies?: string[]): APIGatewayProxyResult {
  return withCookies(
    { statusCode: 303, headers: { location, 'cache-control': 'no-store' }, body: '' },
    cookies,
  );
}

function withCookies(
  result: APIGatewayProxyResult,
  cookies: string[] | undefined,
): APIGatewayProxyResult {
  if (!cookies || cookies.length === 0) return result;
  // Several Set-Cookie headers need API Gateway's multi-value form.
  return { ...result, multiValueHeaders: { 'set-cookie': cookies } };
}

export const SESSION_COOKIE = 'lsp_session';
/** The sign-in form's CSRF token before there is a session (a double-submit cookie). */
export const SIGN_IN_COOKIE = 'lsp_signin';

export interface CookieScope {
  /** The app's path: the stage prefix, or `/`. */
  path: string;
  /** Over TLS (API Gateway's X-Forwarded-Proto https): the cookie is Secure. */
  secure: boolean;
}

export function setCookie(
  name: string,
  value: string,
  scope: CookieScope,
  maxAgeSeconds: number,
): string {
  return serialize(name, value, {
    path: scope.path,
    httpOnly: true,
    sameSite: 'Lax',
    secure: scope.secure,
    maxAge: maxAgeSeconds,
  });
}

export const clearCookie = (name: string, scope: CookieScope): string =>
  setCookie(name, '', scope, 0);
