import { describe, expect, it } from 'vitest';
import { compileRoutes } from '#infra/local/api-gateway/route-matcher.ts';
import { ROUTES, type RouteDeclaration } from '#shared/platform/routes.ts';

const SEARCH: RouteDeclaration = {
  method: 'GET',
  path: '/tasks/search',
  handler: 'readTasks',
  access: 'public',
};

describe('compileRoutes', () => {
  it('matches a literal path to its route with no parameters', () => {
    // Prepare
    const matcher = compileRoutes(ROUTES);

    // Act
    const result = matcher.match('GET', '/tasks');

    // Assess
    expect(result).toEqual({ route: ROUTES[1], pathParameters: {}, path: '/tasks' });
  });

  it('extracts and URL-decodes path parameters, keeping the path as sent', () => {
    // Prepare
    const matcher = compileRoutes(ROUTES);

    // Act
    const result = matcher.match('GET', '/tasks/KH266%20I%2F1.1/reports');

    // Assess
    expect(result).toMatchObject({
      route: { method: 'GET', path: '/tasks/{taskId}/reports' },
      pathParameters: { taskId: 'KH266 I/1.1' },
      path: '/tasks/KH266%20I%2F1.1/reports',
    });
  });

  it.each([
    { order: 'parameter declared first', routes: [...ROUTES, SEARCH] },
    { order: 'literal declared first', routes: [SEARCH, ...ROUTES] },
  ])('prefers a literal segment over a parameter ($order)', ({ routes }) => {
    // Prepare
    const matcher = compileRoutes(routes);

    // Act
    const literal = matcher.match('GET', '/tasks/search');
    const parameter = matcher.match('GET', '/tasks/searching');

    // Assess
    expect(literal).toMatchObject({ route: { path: '/tasks/search' }, pathParameters: {} });
    expect(parameter).toMatchObject({
      route: { path: '/tasks/{taskId}' },
      pathParameters: { taskId: 'searching' },
    });
  });

  it('answers method-not-allowed from the most specific resource, not a looser one', () => {
    // Prepare
    const matcher = compileRoutes([...ROUTES, SEARCH]);

    // Act
    const result = matcher.match('POST', '/tasks/search');

    // Assess
    expect(result).toEqual({ error: 'method-not-allowed', allow: ['GET'] });
  });

  it('lists every method of a resource in allow', () => {
    // Prepare
    const matcher = compileRoutes(ROUTES);

    // Act
    const result = matcher.match('DELETE', '/tasks/KH266-I-1/reports');

    // Assess
    expect(result).toEqual({ error: 'method-not-allowed', allow: ['GET', 'POST'] });
  });

  it.each(['/tasks/', '/plans/KH266/'])('tolerates a trailing slash: %s', (path) => {
    // Prepare
    const matcher = compileRoutes(ROUTES);

    // Act
    const result = matcher.match('GET', path);

    // Assess
    expect(result).toHaveProperty('route');
  });

  it.each([
    { path: '/local/plans/KH266', basePath: '/local' },
    { path: '/plans/KH266', basePath: '/local' },
    { path: '/prod/plans/KH266', basePath: 'prod/' },
  ])('makes the base path optional: $path with $basePath', ({ path, basePath }) => {
    // Prepare
    const matcher = compileRoutes(ROUTES, { basePath });

    // Act
    const result = matcher.match('GET', path);

    // Assess
    expect(result).toMatchObject({
      route: { path: '/plans/{code}' },
      pathParameters: { code: 'KH266' },
      path: '/plans/KH266',
    });
  });

  it.each(['/nothing', '/tasks/a/b/c/d', '/tasks//reports', '/Tasks', '/localtasks', '/'])(
    'answers not-found for %s',
    (path) => {
      // Prepare
      const matcher = compileRoutes(ROUTES, { basePath: '/local' });

      // Act
      const result = matcher.match('GET', path);

      // Assess
      expect(result).toEqual({ error: 'not-found' });
    },
  );

  it('ignores a query string passed with the path', () => {
    // Prepare
    const matcher = compileRoutes(ROUTES);

    // Act
    const result = matcher.match('get', '/plans?sector=agriculture');

    // Assess
    expect(result).toMatchObject({ route: { path: '/plans' }, path: '/plans' });
  });

  it('keeps a malformed escape as sent instead of failing', () => {
    // Prepare
    const matcher = compileRoutes(ROUTES);

    // Act
    const result = matcher.match('GET', '/plans/%E0%A4%A');

    // Assess
    expect(result).toMatchObject({ pathParameters: { code: '%E0%A4%A' } });
  });

  it.each([
    { path: '/tasks/{proxy+}', why: 'greedy parameters are not supported' },
    { path: 'tasks', why: 'the path must start with a slash' },
    { path: '/a/{x}/{x}', why: 'a parameter name repeats' },
    { path: '/tasks/id-{taskId}', why: 'partial-segment parameters are not supported' },
  ])('refuses $path because $why', ({ path }) => {
    // Prepare
    const route: RouteDeclaration = { method: 'GET', path, handler: 'readTasks', access: 'public' };

    // Act
    const compile = (): unknown => compileRoutes([route]);

    // Assess
    expect(compile).toThrow();
  });

  it('refuses the same method and path declared twice', () => {
    // Prepare
    const routes = [SEARCH, { ...SEARCH, handler: 'openApi' as const }];

    // Act
    const compile = (): unknown => compileRoutes(routes);

    // Assess
    expect(compile).toThrow(/declared twice/);
  });
});
