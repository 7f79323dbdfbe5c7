/**
 * Builds the platform into an app: both stacks, tags, and the cdk-nag checks. `app.ts`
 * calls it for the CLI; the tests call it with their own context and declarations, so
 * what they assert is what `cdk synth` produces.
 */
import { Tags, type App } from 'aws-cdk-lib';
import { readContext } from './context.ts';
import type { PlatformDeclarations } from './declarations.ts';
import { addNagChecks } from './nag.ts';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack, type StatelessStackProps } from './stateless-stack.ts';

export interface PlatformOptions {
  /**
   * Declarations to build instead of the shared ones, entry by entry.
   * @default the shared declarations
   */
  readonly declarations?: Partial<PlatformDeclarations>;
  /**
   * Alarm tuning.
   * @default the defaults of PlatformAlarms
   */
  readonly alarms?: StatelessStackProps['alarms'];
}

export interface Platform {
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

export function buildPlatform(app: App, options: PlatformOptions = {}): Platform {
  const context = readContext(app);
  const prefix = `LangSonProgress-${context.stage}`;

  const stateful = new StatefulStack(app, `${prefix}-Stateful`, {
    env: context.env,
    description: `Lạng Sơn progress (${context.stage}): table, event bus, topics`,
  });
  const stateless = new StatelessStack(app, `${prefix}-Stateless`, {
    env: context.env,
    description: `Lạng Sơn progress (${context.stage}): functions, API, rules, schedules, monitoring`,
    stage: context.stage,
    logLevel: context.logLevel,
    mail: context.mail,
    stateful: stateful.resources,
    declarations: options.declarations,
    alarms: options.alarms,
  });

  Tags.of(app).add('project', 'langson-progress');
  Tags.of(app).add('stage', context.stage);
  addNagChecks(app);
  return { stateful, stateless };
}
