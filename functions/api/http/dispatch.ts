/**
 * Handlers that serve several routes dispatch through a map typed from the declared
 * routes: the compiler insists on an operation for every route the handler is declared
 * for, and on nothing else.
 */
import type { HandlerName } from '#shared/platform/handlers.ts';
import type { ROUTES } from '#shared/platform/routes.ts';
import type { ApiHandler } from './middleware.ts';

type Route = (typeof ROUTES)[number];
type RouteKeyOf<R> = R extends { method: infer M extends string; path: infer P extends string }
  ? `${M} ${P}`
  : never;

/** `GET /plans`, `PATCH /plans/{code}`, … for the routes declared with handler `H`. */
export type RouteKeysOf<H extends HandlerName> = RouteKeyOf<Extract<Route, { handler: H }>>;

export type Operations<H extends HandlerName> = Record<RouteKeysOf<H>, ApiHandler>;

export function dispatch<H extends HandlerName>(operations: Operations<H>): ApiHandler {
  const byKey = new Map<string, ApiHandler>(Object.entries(operations));
  return (event, context) => {
    const operation = byKey.get(`${event.httpMethod} ${event.resource}`);
    // The gateway only routes declared routes here: anything else is a wiring fault (500).
    if (!operation) throw new Error(`no operation for ${event.httpMethod} ${event.resource}`);
    return operation(event, context);
  };
}
