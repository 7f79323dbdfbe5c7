/**
 * What the CDK app builds from: the handler, route, rule and schedule declarations that
 * the local runtime reads too. The stacks take them as props (defaulting to the shared
 * ones) so tests can add a sample rule, schedule or handler before the real ones exist;
 * the types below only widen the handler references from the shared `HandlerName` union
 * to `string`, and `checkDeclarations` restores the guarantee at synth time.
 */
import {
  EVENT_RULES,
  SCHEDULES,
  type EventRuleDeclaration,
  type ScheduleDeclaration,
} from '#shared/platform/events.ts';
import { HANDLERS, type HandlerDeclaration } from '#shared/platform/handlers.ts';
import { QUEUES, type QueueDeclaration } from '#shared/platform/queues.ts';
import { ALL_ROUTES, type RouteDeclaration } from '#shared/platform/routes.ts';

type Retarget<T, K extends keyof T> = Omit<T, K> & { readonly [P in K]: string };

export type HandlerDeclarations = Readonly<Record<string, HandlerDeclaration>>;
export type RouteSpec = Retarget<RouteDeclaration, 'handler'>;
export type EventRuleSpec = Retarget<EventRuleDeclaration, 'target'>;
export type ScheduleSpec = Retarget<ScheduleDeclaration, 'target'>;
export type QueueSpec = Retarget<QueueDeclaration, 'consumer'>;

export interface PlatformDeclarations {
  /** One Lambda function per entry. */
  readonly handlers: HandlerDeclarations;
  /** One API Gateway method per entry. */
  readonly routes: readonly RouteSpec[];
  /** One rule on the platform's bus per entry. */
  readonly rules: readonly EventRuleSpec[];
  /** One EventBridge Scheduler schedule per entry. */
  readonly schedules: readonly ScheduleSpec[];
  /** One SQS queue (with its dead-letter queue and consumer) per entry. */
  readonly queues: readonly QueueSpec[];
}

export const SHARED_DECLARATIONS: PlatformDeclarations = {
  handlers: HANDLERS,
  routes: ALL_ROUTES,
  rules: EVENT_RULES,
  schedules: SCHEDULES,
  queues: QUEUES,
};

/** The handler every non-public route is authorized by. */
export const AUTHORIZER_HANDLER = 'authorizer';

/** EventBridge accepts 0 to 185 retries, so 1 to 186 delivery attempts. */
const MAX_DELIVERY_ATTEMPTS = 186;
/** Handler names become construct ids and parts of logical ids. */
const HANDLER_NAME = /^[a-z][A-Za-z0-9]*$/;

export class DeclarationError extends Error {
  override name = 'DeclarationError';
}

/**
 * Refuses declarations the stacks cannot build faithfully, before any construct exists,
 * with the name of the offending entry: a misspelt target would otherwise surface as an
 * undefined function deep inside a construct.
 */
export function checkDeclarations(declarations: PlatformDeclarations): void {
  const problems: string[] = [];
  const handlerNames = new Set(Object.keys(declarations.handlers));
  const needHandler = (what: string, name: string): void => {
    if (!handlerNames.has(name)) problems.push(`${what} names unknown handler "${name}"`);
  };

  for (const name of handlerNames) {
    if (!HANDLER_NAME.test(name)) problems.push(`handler name "${name}" is not camelCase`);
  }

  const routeKeys = new Set<string>();
  for (const route of declarations.routes) {
    const key = `${route.method} ${route.path}`;
    if (routeKeys.has(key)) problems.push(`route ${key} is declared twice`);
    routeKeys.add(key);
    needHandler(`route ${key}`, route.handler);
    if (route.access !== 'public') needHandler(`route ${key} (authorizer)`, AUTHORIZER_HANDLER);
  }

  const ruleNames = new Set<string>();
  for (const rule of declarations.rules) {
    if (ruleNames.has(rule.name)) problems.push(`event rule "${rule.name}" is declared twice`);
    ruleNames.add(rule.name);
    needHandler(`event rule "${rule.name}"`, rule.target);
    if (
      !Number.isInteger(rule.maxAttempts) ||
      rule.maxAttempts < 1 ||
      rule.maxAttempts > MAX_DELIVERY_ATTEMPTS
    ) {
      problems.push(
        `event rule "${rule.name}": maxAttempts must be an integer from 1 to ${MAX_DELIVERY_ATTEMPTS}`,
      );
    }
  }

  const scheduleNames = new Set<string>();
  for (const schedule of declarations.schedules) {
    if (scheduleNames.has(schedule.name)) {
      problems.push(`schedule "${schedule.name}" is declared twice`);
    }
    scheduleNames.add(schedule.name);
    needHandler(`schedule "${schedule.name}"`, schedule.target);
    if (!/^cron\(.+\)$/.test(schedule.cron)) {
      problems.push(`schedule "${schedule.name}": cron must read cron(...), got ${schedule.cron}`);
    }
  }

  const queueNames = new Set<string>();
  for (const queue of declarations.queues) {
    if (queueNames.has(queue.name)) problems.push(`queue "${queue.name}" is declared twice`);
    queueNames.add(queue.name);
    needHandler(`queue "${queue.name}"`, queue.consumer);
    const consumer = declarations.handlers[queue.consumer];
    if (consumer && queue.visibilityTimeoutSeconds < consumer.timeoutSeconds) {
      problems.push(
        `queue "${queue.name}": its visibility timeout must be at least ${queue.consumer}'s timeout (${consumer.timeoutSeconds} s)`,
      );
    }
    const retriesSeconds = queue.maxReceiveCount * queue.visibilityTimeoutSeconds;
    if (queue.oldestMessageAlarmSeconds <= retriesSeconds) {
      problems.push(
        `queue "${queue.name}": its oldest-message alarm must wait longer than its retries (${retriesSeconds} s)`,
      );
    }
    if (!Number.isInteger(queue.batchSize) || queue.batchSize < 1 || queue.batchSize > 10) {
      problems.push(`queue "${queue.name}": batchSize must be an integer from 1 to 10`);
    }
    if (
      !Number.isInteger(queue.maxReceiveCount) ||
      queue.maxReceiveCount < 1 ||
      queue.maxReceiveCount > 1000
    ) {
      problems.push(`queue "${queue.name}": maxReceiveCount must be an integer from 1 to 1000`);
    }
  }
  for (const [name, handler] of Object.entries(declarations.handlers)) {
    for (const queue of handler.grants.queues ?? []) {
      if (!queueNames.has(queue))
        problems.push(`handler "${name}" sends to unknown queue "${queue}"`);
    }
  }

  if (problems.length > 0) {
    throw new DeclarationError(`invalid platform declarations:\n- ${problems.join('\n- ')}`);
  }
}
