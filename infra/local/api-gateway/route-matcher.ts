/**
 * Resolves a request to one of the declared routes the way API Gateway REST resolves a
 * resource: the most specific resource first (a literal segment beats a `{param}` at the
 * first place they differ), then the method on that resource.
 */
import type { RouteDeclaration } from '#shared/platform/routes.ts';

export interface RouteMatch<R extends RouteDeclaration = RouteDeclaration> {
  route: R;
  /** URL-decoded values, as API Gateway passes them to the integration. */
  pathParameters: Record<string, string>;
  /** The request path without the base path, still percent-encoded (`event.path`). */
  path: string;
}

export interface RouteMiss {
  error: 'not-found' | 'method-not-allowed';
  /** The methods the matched resource declares, for the `Allow` header of a 405. */
  allow?: string[];
}

export interface RouteMatcher<R extends RouteDeclaration = RouteDeclaration> {
  match(method: string, path: string): RouteMatch<R> | RouteMiss;
}

export interface RouteMatcherOptions {
  /** A stage or base-path prefix (`/local`) that requests may carry or omit. */
  basePath?: string;
}

type Segment = { kind: 'literal'; value: string } | { kind: 'param'; name: string };

interface Resource<R> {
  path: string;
  segments: Segment[];
  methods: Map<string, R>;
}

const PARAM = /^\{([A-Za-z0-9_.-]+)\}$/;

export function compileRoutes<R extends RouteDeclaration>(
  routes: readonly R[],
  options: RouteMatcherOptions = {},
): RouteMatcher<R> {
  const resources = new Map<string, Resource<R>>();
  for (const route of routes) {
    const resource = resources.get(route.path) ?? {
      path: route.path,
      segments: parseResourcePath(route.path),
      methods: new Map<string, R>(),
    };
    if (resource.methods.has(route.method)) {
      throw new Error(`Route ${route.method} ${route.path} is declared twice`);
    }
    resource.methods.set(route.method, route);
    resources.set(route.path, resource);
  }
  const basePath = normaliseBasePath(options.basePath);
  const all = [...resources.values()];

  return {
    match(method, rawPath) {
      const path = stripBasePath(rawPath.split('?', 1)[0] ?? '', basePath);
      const requestSegments = splitPath(path);
      let best: { resource: Resource<R>; params: Record<string, string> } | undefined;
      for (const resource of all) {
        const params = matchSegments(resource.segments, requestSegments);
        if (params && (!best || moreSpecific(resource.segments, best.resource.segments))) {
          best = { resource, params };
        }
      }
      if (!best) return { error: 'not-found' };
      const route = best.resource.methods.get(method.toUpperCase());
      if (!route) {
        return { error: 'method-not-allowed', allow: [...best.resource.methods.keys()].sort() };
      }
      return { route, pathParameters: best.params, path };
    },
  };
}

function parseResourcePath(path: string): Segment[] {
  if (!path.startsWith('/')) throw new Error(`Resource path must start with '/': ${path}`);
  const names = new Set<string>();
  return splitPath(path).map((part) => {
    const param = PARAM.exec(part);
    if (param?.[1]) {
      if (names.has(param[1])) throw new Error(`Path parameter {${param[1]}} repeats in ${path}`);
      names.add(param[1]);
      return { kind: 'param', name: param[1] };
    }
    // Greedy `{proxy+}` and partial-segment parameters are not used by ROUTES; refuse them
    // rather than match them differently from API Gateway.
    if (part === '' || part.includes('{') || part.includes('}')) {
      throw new Error(`Unsupported segment '${part}' in resource path ${path}`);
    }
    return { kind: 'literal', value: part };
  });
}

/** Segments of a path; one trailing slash is tolerated, the root has none. */
function splitPath(path: string): string[] {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed === '/' || trimmed === '' ? [] : trimmed.replace(/^\//, '').split('/');
}

function matchSegments(
  segments: readonly Segment[],
  request: readonly string[],
): Record<string, string> | undefined {
  if (segments.length !== request.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of segments.entries()) {
    const raw = request[index] ?? '';
    // An empty segment (`/tasks//reports`) names no resource and no parameter value.
    if (raw === '') return undefined;
    const value = decodeSegment(raw);
    if (segment.kind === 'literal') {
      if (segment.value !== value) return undefined;
    } else {
      params[segment.name] = value;
    }
  }
  return params;
}

function moreSpecific(candidate: readonly Segment[], current: readonly Segment[]): boolean {
  for (const [index, segment] of candidate.entries()) {
    const other = current[index];
    if (other && segment.kind !== other.kind) return segment.kind === 'literal';
  }
  return false;
}

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    // A malformed escape (`%E0%A4%A`) is passed on as sent rather than failing the match.
    return raw;
  }
}

function normaliseBasePath(basePath: string | undefined): string {
  if (!basePath) return '';
  const withSlash = basePath.startsWith('/') ? basePath : `/${basePath}`;
  return withSlash.replace(/\/+$/, '');
}

function stripBasePath(path: string, basePath: string): string {
  if (basePath === '') return path || '/';
  if (path === basePath) return '/';
  if (path.startsWith(`${basePath}/`)) return path.slice(basePath.length);
  return path || '/';
}
