/** @jsxImportSource hono/jsx */
/**
 * The web functions' frame, as `httpApi` is the API's: Powertools logging and metrics,
 * normalised headers, then for each request the page its route names, the session its
 * cookie names, the role the page wants, the CSRF token on every POST, and one error
 * page (4xx with the reason in Vietnamese, 5xx generic and logged).
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { parse as parseCookies } from 'hono/utils/cookie';
import type { Caller, Role } from '#shared/domain/access/caller.ts';
import {
  callerOfSession,
  csrfTokenMatches,
  type StoredSession,
} from '#shared/domain/session/session.ts';
import { logger, metrics } from '#shared/observability.ts';
import type { HandlerName } from '#shared/platform/handlers.ts';
import type { PAGE_ROUTES } from '#shared/platform/routes.ts';
import { findSession, type SessionDeps } from '#shared/use-cases/web/sessions.ts';
import type { AssetCatalog } from '#shared/web/assets.ts';
import { CSRF_FIELD, CSRF_HEADER, link, type PageContext } from '#shared/web/context.ts';
import { renderDocument } from '#shared/web/layout.tsx';
import { ErrorPage } from '#shared/web/pages/error.tsx';
import { INTERNAL_ERROR, problemFor } from '../../api/http/problem.ts';
import { readForm, type PostedForm } from './forms.ts';
import { html, redirect, SESSION_COOKIE, type CookieScope } from './responses.ts';

type PageRoute = (typeof PAGE_ROUTES)[number];
type KeyOf<R> = R extends { method: infer M extends string; path: infer P extends string }
  ? `${M} ${P}`
  : never;
export type PageKeysOf<H extends HandlerName> = KeyOf<Extract<PageRoute, { handler: H }>>;

/** Who may open a page: anyone (sign-in, assets), any person signed in, or some roles. */
export type PageAccess = 'anyone' | 'signed-in' | readonly Role[];

export interface PageRequest {
  event: APIGatewayProxyEvent;
  /** The Lambda context (idempotent commands register it). */
  context: Context;
  ctx: PageContext;
  cookies: Record<string, string>;
  cookieScope: CookieScope;
  /** The session, on every page but the public ones (where it may be null). */
  session: StoredSession | null;
  /** The caller the session acts as; null without a session. */
  caller: Caller | null;
  query: Record<string, string | undefined>;
  params: Record<string, string | undefined>;
  /** The posted form, read once (POST pages only). */
  form(): Promise<PostedForm>;
}

export interface Page {
  access: PageAccess;
  handle(request: PageRequest): Promise<APIGatewayProxyResult>;
}

export type Pages<H extends HandlerName> = Record<PageKeysOf<H>, Page>;

export interface WebDeps extends Pick<SessionDeps, 'sessions' | 'clock'> {
  assets: AssetCatalog;
  /** The registry's name of an agency, for the header. */
  agencyName(agencyId: string): Promise<string>;
}

/** On an execute-api host the stage is the first path segment; on a custom domain, none. */
export function basePathOf(event: APIGatewayProxyEvent): string {
  const host = event.requestContext.domainName ?? '';
  return /\.execute-api\.[a-z0-9-]+\.amazonaws\.com$/.test(host)
    ? `/${event.requestContext.stage}`
    : '';
}

const allows = (access: PageAccess, role: Role): boolean =>
  access === 'signed-in' || (access !== 'anyone' && access.includes(role));

export function webHandler<H extends HandlerName>(pages: Pages<H>, deps: WebDeps) {
  const byKey = new Map<string, Page>(Object.entries(pages));

  async function serve(
    event: APIGatewayProxyEvent,
    context: Context,
  ): Promise<APIGatewayProxyResult> {
    const page = byKey.get(`${event.httpMethod} ${event.resource}`);
    if (!page) throw new Error(`no page for ${event.httpMethod} ${event.resource}`);
    const base = basePathOf(event);
    const cookies = parseCookies(event.headers.cookie ?? '');
    const cookieScope: CookieScope = {
      path: base || '/',
      secure: (event.headers['x-forwarded-proto'] ?? '').toLowerCase() === 'https',
    };
    const ctx: PageContext = { base, path: event.path, viewer: null, assets: deps.assets.names };

    const lookup =
      page.access === 'anyone'
        ? { state: 'none' as const }
        : await findSession(cookies[SESSION_COOKIE], deps);
    if (page.access !== 'anyone' && lookup.state !== 'live') {
      const back = event.httpMethod === 'GET' ? `&tiep=${encodeURIComponent(event.path)}` : '';
      const reason = lookup.state === 'expired' ? 'het-han' : 'can-dang-nhap';
      return redirect(link(ctx, `/dang-nhap?ly-do=${reason}${back}`));
    }
    const session = lookup.state === 'live' ? lookup.session : null;
    if (session) {
      const { caller } = session;
      ctx.viewer = {
        person: caller.person,
        role: caller.role,
        agencyId: caller.agencyId,
        agencyName: caller.agencyId ? await deps.agencyName(caller.agencyId) : null,
        csrfToken: session.csrfToken,
      };
      logger.appendKeys({ role: caller.role, agency: caller.agencyId ?? undefined });
      if (!allows(page.access, caller.role)) {
        return errorPage(ctx, 403, 'Tài khoản của bạn không được mở trang này.');
      }
    }

    let form: Promise<PostedForm> | undefined;
    const readPosted = () => (form ??= readForm(event));
    if (event.httpMethod === 'POST' && session) {
      // The header (htmx) or the field (a form without JavaScript) must carry the token.
      const sent =
        event.headers[CSRF_HEADER] ?? (await readPosted().then((f) => f.text(CSRF_FIELD)));
      if (!csrfTokenMatches(session.csrfToken, sent)) {
        return errorPage(
          ctx,
          403,
          'Biểu mẫu đã cũ hoặc không đến từ trang này. Hãy tải lại trang rồi gửi lại.',
        );
      }
    }

    try {
      return await page.handle({
        event,
        context,
        ctx,
        cookies,
        cookieScope,
        session,
        caller: session ? callerOfSession(session) : null,
        query: event.queryStringParameters ?? {},
        params: event.pathParameters ?? {},
        form: readPosted,
      });
    } catch (error) {
      const mapped = problemFor(error);
      if (!mapped) throw error;
      logger.info('page refused', { status: mapped.status, type: mapped.type });
      return errorPage(ctx, mapped.status, mapped.detail);
    }
  }

  return middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(
      injectLambdaContext(logger, {
        correlationIdPath: 'requestContext.requestId',
        resetKeys: true,
      }),
    )
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use({
      onError: (request) => {
        logger.error('page failed', request.error as Error);
        request.response = errorPage(
          { base: basePathOf(request.event), path: '', viewer: null, assets: deps.assets.names },
          500,
          INTERNAL_ERROR.detail,
        );
      },
    })
    .use(httpHeaderNormalizer())
    .handler((event: APIGatewayProxyEvent, context: Context) => serve(event, context));
}

export function errorPage(ctx: PageContext, status: number, message: string) {
  return html(status, renderDocument(<ErrorPage ctx={ctx} status={status} message={message} />));
}
