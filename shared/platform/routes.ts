/**
 * The REST API, declared once: API Gateway resources in the CDK app, the router of the
 * local runtime, and the access matrix of the tests all read this list.
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
  { method: 'GET', path: '/rollups/{period}', handler: 'readRollups', access: READERS },
  { method: 'GET', path: '/rollups/{period}/{sector}', handler: 'readRollups', access: READERS },
  { method: 'GET', path: '/figures/{period}', handler: 'readRollups', access: READERS },
  { method: 'GET', path: '/report-template', handler: 'reportTemplate', access: ['admin'] },
  { method: 'PUT', path: '/report-template', handler: 'reportTemplate', access: ['admin'] },
  { method: 'DELETE', path: '/report-template', handler: 'reportTemplate', access: ['admin'] },
] as const satisfies readonly RouteDeclaration[];
