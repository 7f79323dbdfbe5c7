/**
 * Builds the platform the way `cdk synth` does (same `buildPlatform`, cdk-nag included)
 * into a temporary directory, with bundling skipped unless a test asks for it, and offers
 * the lookups the infra tests share.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { EventRuleSpec, HandlerDeclarations, ScheduleSpec } from '#infra/cdk/declarations.ts';
import { buildPlatform, type Platform, type PlatformOptions } from '#infra/cdk/platform.ts';
import { EVENT_SOURCE } from '#shared/platform/events.ts';
import { HANDLERS } from '#shared/platform/handlers.ts';

export const STAGE = 'test';

export interface SynthOptions extends PlatformOptions {
  /** Bundle every function with esbuild, as `cdk synth` does. Slow; default false. */
  readonly bundle?: boolean;
  /**
   * Run CDK's built-in CloudFormation schema validation too, as `cdk synth` does. It
   * changes nothing in the templates and costs seconds per test file; default false.
   */
  readonly cfnValidation?: boolean;
  /** Extra CDK context (stage is `test` unless given here). */
  readonly context?: Readonly<Record<string, unknown>>;
}

export interface Synthesized {
  readonly app: App;
  readonly platform: Platform;
  readonly stateful: Template;
  readonly stateless: Template;
  /** The cloud assembly directory; removed by `dispose`. */
  readonly outdir: string;
  dispose(): void;
}

/** A temporary cloud assembly directory, and its removal. */
export function temporaryOutdir(): { outdir: string; dispose(): void } {
  const outdir = mkdtempSync(join(tmpdir(), 'langson-cdk-'));
  return { outdir, dispose: () => rmSync(outdir, { recursive: true, force: true }) };
}

/** Synthesizes the whole app; throws if cdk-nag reports an unacknowledged finding. */
export function synthesize(options: SynthOptions = {}): Synthesized {
  const { outdir, dispose } = temporaryOutdir();
  const app = new App({
    outdir,
    builtinCloudFormationValidation: options.cfnValidation ?? false,
    context: {
      stage: STAGE,
      // CDK's own switch: an empty list bundles no stack (the code assets become
      // placeholders); the bundling test leaves it out and gets real bundles.
      ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
      ...options.context,
    },
  });
  const platform = buildPlatform(app, options);
  app.synth();
  return {
    app,
    platform,
    stateful: Template.fromStack(platform.stateful),
    stateless: Template.fromStack(platform.stateless),
    outdir,
    dispose,
  };
}

/** The logical id CloudFormation knows a construct's resource by. */
export function logicalIdOf(element: CfnElement): string {
  return Stack.of(element).getLogicalId(element);
}

/** Logical ids of a handler's function, role and log group. */
export function functionIds(platform: Platform, handler: string) {
  const fn = platform.stateless.functions.get(handler);
  return {
    function: logicalIdOf(fn.lambda.node.defaultChild as CfnElement),
    role: logicalIdOf(fn.role.node.defaultChild as CfnElement),
    logGroup: logicalIdOf(fn.logGroup.node.defaultChild as CfnElement),
  };
}

export interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, unknown>;
}

/** Every statement of every identity policy attached to the role. */
export function statementsOfRole(template: Template, roleId: string): Statement[] {
  const policies = template.findResources('AWS::IAM::Policy');
  return Object.values(policies)
    .filter((policy) =>
      (policy.Properties.Roles as unknown[]).some(
        (role) => JSON.stringify(role) === JSON.stringify({ Ref: roleId }),
      ),
    )
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

export const actionsOf = (statement: Statement): string[] =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];

/** `{ "Fn::GetAtt": [id, "Arn"] }`, the way a template points at a resource's ARN. */
export const arnOf = (logicalId: string) => ({ 'Fn::GetAtt': [logicalId, 'Arn'] });

/** A handler declaration for tests, reusing an existing entry so it can be bundled. */
function sampleHandler(grants: HandlerDeclarations[string]['grants']): HandlerDeclarations[string] {
  return {
    entry: HANDLERS.openApi.entry,
    description: 'A handler that exists only in the infra tests',
    memoryMb: 256,
    timeoutSeconds: 60,
    grants,
  };
}

/** The shared handlers plus two that only tests declare, one per kind of event target. */
export const SAMPLE_HANDLERS: HandlerDeclarations = {
  ...HANDLERS,
  sampleNotifier: sampleHandler({ notifyRisks: true }),
  sampleRollup: sampleHandler({ table: 'readWrite', publishEvents: true }),
};

export const SAMPLE_RULE: EventRuleSpec = {
  name: 'SampleIndustryReported',
  description: 'A sample rule, declared by the tests',
  pattern: {
    source: [EVENT_SOURCE],
    'detail-type': ['ProgressReported'],
    detail: { sector: ['industry'], percentComplete: [{ numeric: ['<', 50] }] },
  },
  target: 'sampleNotifier',
  maxAttempts: 3,
};

export const SAMPLE_SCHEDULE: ScheduleSpec = {
  name: 'SampleQuarterClose',
  description: 'A sample schedule: 00:30 on the first day of each quarter, province time',
  cron: 'cron(30 0 1 1,4,7,10 ? *)',
  timeZone: 'Asia/Ho_Chi_Minh',
  target: 'sampleRollup',
  input: { job: 'close-quarter' },
};

/** The one element of `items`; fails the test, naming `what`, if there are none or several. */
export function only<T>(items: readonly T[], what: string): T {
  const [item, ...rest] = items;
  if (item === undefined || rest.length > 0) {
    throw new Error(`expected exactly one ${what}, found ${items.length}`);
  }
  return item;
}

/** `value`, or a test failure naming `what` if it is missing. */
export function defined<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}
