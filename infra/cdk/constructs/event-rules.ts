/**
 * The rules on the platform's bus, one per declaration, each delivering to its handler
 * with a retry policy and a dead-letter queue of its own (the queue tells the operator
 * which rule failed; the message attributes say why).
 *
 * EventBridge's retries and DLQ cover delivery only (Lambda refusing the asynchronous
 * invoke, throttling); what the handler throws is retried by Lambda, see
 * `AsyncInvocationFailures`.
 */
import { Duration } from 'aws-cdk-lib';
import { Rule, type EventPattern as CdkEventPattern, type IEventBus } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import type { EventPattern } from '#shared/platform/events.ts';
import type { EventRuleSpec } from '../declarations.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import type { PlatformFunctions } from './platform-functions.ts';

export interface EventRulesProps {
  /** The rules to build. Required (may be empty). */
  readonly rules: readonly EventRuleSpec[];
  /** The bus the rules listen on. Required. */
  readonly eventBus: IEventBus;
  /** Where the targets are found, by handler name. Required. */
  readonly functions: PlatformFunctions;
  /**
   * How long EventBridge keeps trying to deliver one event.
   * @default Duration.hours(24) - EventBridge's maximum
   */
  readonly maxEventAge?: Duration;
}

/**
 * CDK types the top-level pattern fields in camelCase (`detailType`) and renders every key
 * it does not rename as given; the shared declarations use EventBridge's own JSON, which
 * the local runtime matches against. Only `detail-type` needs translating.
 */
export function toCdkEventPattern(pattern: EventPattern): CdkEventPattern {
  const { 'detail-type': detailType, ...rest } = pattern;
  return (detailType === undefined ? rest : { ...rest, detailType }) as CdkEventPattern;
}

export class EventRules extends Construct {
  readonly rules: ReadonlyMap<string, Rule>;
  readonly deadLetterQueues: readonly DeadLetterQueue[];

  constructor(scope: Construct, id: string, props: EventRulesProps) {
    super(scope, id);
    const rules = new Map<string, Rule>();
    const queues: DeadLetterQueue[] = [];
    for (const declaration of props.rules) {
      const target = props.functions.get(declaration.target);
      const deadLetters = new DeadLetterQueue(this, `${declaration.name}-dead-letters`, {
        purpose: `events that rule ${declaration.name} could not deliver to ${declaration.target}`,
      });
      const rule = new Rule(this, declaration.name, {
        eventBus: props.eventBus,
        description: declaration.description,
        eventPattern: toCdkEventPattern(declaration.pattern),
        targets: [
          new LambdaFunction(target.lambda, {
            deadLetterQueue: deadLetters.queue,
            // The declaration counts attempts; EventBridge counts retries after the first.
            retryAttempts: declaration.maxAttempts - 1,
            maxEventAge: props.maxEventAge ?? Duration.hours(24),
          }),
        ],
      });
      rules.set(declaration.name, rule);
      queues.push(deadLetters);
    }
    this.rules = rules;
    this.deadLetterQueues = queues;
  }
}
