/**
 * Working together on a task besides the lead's reports:
 * - POST /tasks/{taskId}/contributions: a coordinating agency's contribution;
 * - GET /tasks/{taskId}/contributions, GET /agencies/{agencyId}/contributions: the
 *   contributions to a task, and a lead agency's inbox of them;
 * - GET /reviews, POST /reviews: a reviewer's reports waiting for approval (with what each
 *   changes), and its decisions on several at once.
 */
import { actorOf, type Caller } from '#shared/domain/access/caller.ts';
import type { Actor } from '#shared/domain/audit/audit-entry.ts';
import { ForbiddenError, NotFoundError } from '#shared/domain/errors.ts';
import {
  contributionSubmissionSchema,
  type ContributionSubmission,
} from '#shared/domain/progress/contribution.ts';
import { fileContribution } from '#shared/use-cases/contribute.ts';
import { decideReviews, describePending } from '#shared/use-cases/review-reports.ts';
import { tableAndBus } from '../wiring.ts';
import { dispatch } from './http/dispatch.ts';
import { idempotentCommand } from './http/idempotency.ts';
import { idempotencyScope, stableId } from './http/idempotency-key.ts';
import { httpApi, json } from './http/middleware.ts';
import { callerOf, parsePart } from './http/request.ts';
import {
  agencyPathSchema,
  pageQuerySchema,
  reviewDecisionsSchema,
  reviewQuerySchema,
  taskPathSchema,
} from './schemas/requests.ts';

const { tableName, stores, events, clock } = tableAndBus();
const { collaboration, progress, audit, reads } = stores;

interface ContributionRequest {
  taskId: string;
  submission: ContributionSubmission;
  agencyId: string;
  actsFor: string[];
  actor: Actor;
}

/** A retried contribution (same Idempotency-Key) answers the first one. */
const contributeOnce = idempotentCommand(
  'contribute',
  tableName,
  ({ scope, request }: { scope: string; request: ContributionRequest }) =>
    fileContribution(
      { ...request, contributionId: stableId('con', scope) },
      { tasks: progress, contributions: collaboration, audit, clock },
    ),
);

function agencyCaller(caller: Caller, what: string): string {
  if (caller.role !== 'agency' || !caller.agencyId)
    throw new ForbiddenError('agency-only', `chỉ token của một cơ quan mới ${what}`);
  return caller.agencyId;
}

/** The reviewer a request acts as: the caller's agency, or (an admin) the one it names. */
function reviewerOf(caller: Caller, named: string | undefined): string | null {
  if (caller.role === 'admin') return named ?? null;
  return agencyCaller(caller, 'phê duyệt báo cáo');
}

export const handler = httpApi(
  dispatch<'collaborate'>({
    'POST /tasks/{taskId}/contributions': async (event, context) => {
      const caller = callerOf(event);
      const agencyId = agencyCaller(caller, 'gửi đóng góp');
      const { taskId } = parsePart(taskPathSchema, event.pathParameters, 'path');
      const scope = idempotencyScope(event, caller);
      const submission = parsePart(contributionSubmissionSchema, event.body as unknown, 'body');
      const request = {
        taskId,
        submission,
        agencyId,
        actsFor: caller.actsFor,
        actor: actorOf(caller),
      };
      const contribution = await contributeOnce({ scope, request }, context);
      return json(201, contribution, {
        location: `/tasks/${taskId}/contributions/${contribution.id}`,
      });
    },
    'GET /tasks/{taskId}/contributions': async (event) => {
      const { taskId } = parsePart(taskPathSchema, event.pathParameters, 'path');
      const { limit, cursor } = parsePart(pageQuerySchema, event.queryStringParameters, 'query');
      if (!(await reads.taskExists(taskId)))
        throw new NotFoundError('task-not-found', `không có nhiệm vụ ${taskId}`);
      return json(200, await collaboration.listContributions(taskId, limit, cursor));
    },
    'GET /agencies/{agencyId}/contributions': async (event) => {
      const { agencyId } = parsePart(agencyPathSchema, event.pathParameters, 'path');
      const { limit, cursor } = parsePart(pageQuerySchema, event.queryStringParameters, 'query');
      const agency = await reads.getAgency(agencyId);
      if (!agency) throw new NotFoundError('agency-not-found', `không có cơ quan ${agencyId}`);
      // Its own inbox and those of the collectives it leads through, and what it absorbed.
      const inboxes = [...new Set([agency.id, ...agency.memberOf, ...agency.absorbed])];
      return json(200, await collaboration.inbox(inboxes, limit, cursor));
    },
    'GET /reviews': async (event) => {
      const caller = callerOf(event);
      const query = parsePart(reviewQuerySchema, event.queryStringParameters, 'query');
      const reviewer = reviewerOf(caller, query.reviewer);
      if (reviewer === null) return json(200, { items: [], nextCursor: null });
      const page = await collaboration.pendingFor(reviewer, query.limit, query.cursor);
      const items = await describePending(page.items, { reviews: collaboration });
      return json(200, { items, nextCursor: page.nextCursor });
    },
    'POST /reviews': async (event) => {
      const caller = callerOf(event);
      const { decisions } = parsePart(reviewDecisionsSchema, event.body as unknown, 'body');
      const reviewer = {
        agencyId: caller.role === 'admin' ? null : agencyCaller(caller, 'phê duyệt báo cáo'),
        actor: actorOf(caller),
      };
      const outcomes = await decideReviews(decisions, reviewer, {
        reviews: collaboration,
        reports: progress,
        events,
        audit,
        clock,
      });
      return json(200, { items: outcomes });
    },
  }),
  { json: true },
);
