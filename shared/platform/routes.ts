/**
 * The REST API and the web app's pages, declared once: API Gateway resources in the CDK
 * app, the router of the local runtime, and the access matrix of the tests read these
 * lists.
 */
import type { Role } from '#shared/domain/access/caller.ts';
import type { HandlerName } from './handlers.ts';

export interface RouteDeclaration {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** API Gateway resource path, `{name}` for a path parameter. */
  path: string;
  handler: HandlerName;
  /** Roles allowed; `public` routes need no token. */
  access: 'public' | readonly Role[];
}

const READERS = ['admin', 'agency', 'viewer'] as const;

export const ROUTES = [
  { method: 'GET', path: '/openapi.json', handler: 'openApi', access: 'public' },
  { method: 'GET', path: '/tasks', handler: 'readTasks', access: READERS },
  { method: 'GET', path: '/tasks/{taskId}', handler: 'readTasks', access: READERS },
  { method: 'GET', path: '/tasks/{taskId}/reports', handler: 'readTasks', access: READERS },
  { method: 'POST', path: '/tasks/{taskId}/reports', handler: 'submitReport', access: ['agency'] },
  {
    method: 'GET',
    path: '/tasks/{taskId}/contributions',
    handler: 'collaborate',
    access: READERS,
  },
  {
    method: 'POST',
    path: '/tasks/{taskId}/contributions',
    handler: 'collaborate',
    access: ['agency'],
  },
  {
    method: 'GET',
    path: '/agencies/{agencyId}/contributions',
    handler: 'collaborate',
    access: READERS,
  },
  { method: 'GET', path: '/reviews', handler: 'collaborate', access: ['agency', 'admin'] },
  { method: 'POST', path: '/reviews', handler: 'collaborate', access: ['agency', 'admin'] },
  { method: 'GET', path: '/agencies', handler: 'readRegistry', access: READERS },
  { method: 'POST', path: '/agencies', handler: 'manageRegistry', access: ['admin'] },
  { method: 'GET', path: '/agencies/{agencyId}', handler: 'readRegistry', access: READERS },
  { method: 'PATCH', path: '/agencies/{agencyId}', handler: 'manageRegistry', access: ['admin'] },
  {
    method: 'POST',
    path: '/agencies/{agencyId}/merge',
    handler: 'manageRegistry',
    access: ['admin'],
  },
  { method: 'GET', path: '/agencies/{agencyId}/tasks', handler: 'readRegistry', access: READERS },
  { method: 'GET', path: '/plans', handler: 'readRegistry', access: READERS },
  { method: 'POST', path: '/plans', handler: 'importPlan', access: ['admin'] },
  { method: 'GET', path: '/plans/{code}', handler: 'readRegistry', access: READERS },
  { method: 'PATCH', path: '/plans/{code}', handler: 'manageRegistry', access: ['admin'] },
  { method: 'GET', path: '/plans/{code}/versions', handler: 'readRegistry', access: READERS },
  {
    method: 'GET',
    path: '/plans/{code}/indicator-links',
    handler: 'readRegistry',
    access: READERS,
  },
  {
    method: 'PUT',
    path: '/plans/{code}/indicator-links',
    handler: 'manageRegistry',
    access: ['admin'],
  },
  { method: 'GET', path: '/indicators', handler: 'readRegistry', access: READERS },
  { method: 'POST', path: '/indicators', handler: 'manageRegistry', access: ['admin'] },
  { method: 'GET', path: '/indicators/{code}', handler: 'readRegistry', access: READERS },
  { method: 'PATCH', path: '/indicators/{code}', handler: 'manageRegistry', access: ['admin'] },
  {
    method: 'POST',
    path: '/indicators/{code}/values',
    handler: 'submitIndicatorValue',
    access: ['agency', 'admin'],
  },
  { method: 'GET', path: '/audit', handler: 'readRegistry', access: ['admin'] },
  { method: 'GET', path: '/risks', handler: 'readTasks', access: READERS },
  { method: 'POST', path: '/risks/scans', handler: 'adminJobs', access: ['admin'] },
  { method: 'POST', path: '/rollups/{period}/runs', handler: 'adminJobs', access: ['admin'] },
  { method: 'GET', path: '/jobs/{id}', handler: 'adminJobs', access: ['admin'] },
  { method: 'GET', path: '/rollups/{period}', handler: 'readRollups', access: READERS },
  { method: 'GET', path: '/rollups/{period}/{sector}', handler: 'readRollups', access: READERS },
  { method: 'GET', path: '/figures/{period}', handler: 'readRollups', access: READERS },
  { method: 'POST', path: '/reminders/runs', handler: 'reminders', access: ['admin'] },
  { method: 'GET', path: '/reminder-settings', handler: 'reminders', access: ['admin'] },
  { method: 'PUT', path: '/reminder-settings', handler: 'reminders', access: ['admin'] },
  { method: 'GET', path: '/report-template', handler: 'reportTemplate', access: ['admin'] },
  { method: 'PUT', path: '/report-template', handler: 'reportTemplate', access: ['admin'] },
  { method: 'DELETE', path: '/report-template', handler: 'reportTemplate', access: ['admin'] },
] as const satisfies readonly RouteDeclaration[];

/**
 * The web app: pages rendered by the web functions on the same API and origin. Public to
 * API Gateway (no bearer token: a browser holds none); each page checks the session its
 * cookie names and the person's role itself. Paths are Vietnamese and never collide with
 * the API's.
 */
export const PAGE_ROUTES = [
  { method: 'GET', path: '/', handler: 'webPages', access: 'public' },
  { method: 'GET', path: '/dang-nhap', handler: 'webPages', access: 'public' },
  { method: 'POST', path: '/dang-nhap', handler: 'webPages', access: 'public' },
  { method: 'POST', path: '/dang-xuat', handler: 'webPages', access: 'public' },
  { method: 'GET', path: '/nhiem-vu/{taskId}', handler: 'webPages', access: 'public' },
  { method: 'GET', path: '/nhiem-vu/{taskId}/bao-cao', handler: 'webPages', access: 'public' },
  { method: 'POST', path: '/nhiem-vu/{taskId}/bao-cao', handler: 'webPages', access: 'public' },
  { method: 'GET', path: '/co-quan/{agencyId}', handler: 'webPages', access: 'public' },
  { method: 'GET', path: '/quy/{quarter}/{sector}', handler: 'webPages', access: 'public' },
  { method: 'GET', path: '/quy/{quarter}/{sector}/tai-ve', handler: 'webPages', access: 'public' },
  { method: 'GET', path: '/tai-lieu-api', handler: 'webPages', access: 'public' },
  { method: 'GET', path: '/tai-nguyen/{file}', handler: 'webPages', access: 'public' },
  { method: 'GET', path: '/quan-tri/ke-hoach', handler: 'webAdmin', access: 'public' },
  { method: 'POST', path: '/quan-tri/ke-hoach', handler: 'webAdmin', access: 'public' },
  { method: 'GET', path: '/quan-tri/truy-cap', handler: 'webAdmin', access: 'public' },
  { method: 'POST', path: '/quan-tri/truy-cap', handler: 'webAdmin', access: 'public' },
  { method: 'POST', path: '/quan-tri/truy-cap/thu-hoi', handler: 'webAdmin', access: 'public' },
  { method: 'GET', path: '/quan-tri/thu-gui', handler: 'webAdmin', access: 'public' },
] as const satisfies readonly RouteDeclaration[];

/** Everything the gateway routes: the API and the pages. */
export const ALL_ROUTES: readonly RouteDeclaration[] = [...ROUTES, ...PAGE_ROUTES];
