/**
 * One house function per handler declaration, with exactly the grants it declares. A
 * handler added to the shared declarations appears here with no change to this file.
 */
import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { EVENT_SOURCE } from '#shared/platform/events.ts';
import type { HandlerDeclarations } from '../declarations.ts';
import { REPO_ROOT } from '../paths.ts';
import { ASSET_FILES } from '#shared/web/assets.ts';
import {
  bindEventBus,
  bindLargeBodyBucket,
  bindMailSender,
  bindQueue,
  bindRiskTopic,
  bindTable,
  bindUserPool,
  type MailIdentity,
} from './grants.ts';
import { HouseFunction, type PowertoolsSettings } from './house-function.ts';
import type { EncryptedTopic } from './notification-topics.ts';
import type { PeoplePoolHandles } from './people-pool.ts';
import type { PlatformQueues } from './platform-queues.ts';
import type { PlatformTable } from './progress-table.ts';

export interface PlatformFunctionsProps {
  /** The handlers to build, by name. Required. */
  readonly handlers: HandlerDeclarations;
  /** Bound to handlers that declare `table`. Required. */
  readonly table: PlatformTable;
  /** Bound to handlers that declare `publishEvents`. Required. */
  readonly eventBus: IEventBus;
  /** Bound to handlers that declare `notifyRisks`. Required. */
  readonly riskTopic: EncryptedTopic;
  /**
   * Bound to handlers that declare `userPool`.
   * @default none - a handler that declares it fails the synth
   */
  readonly people?: PeoplePoolHandles;
  /**
   * Bound to handlers that declare `queues`.
   * @default none - a handler that declares a queue fails the synth
   */
  readonly queues?: PlatformQueues;
  /**
   * Bound to handlers that declare `sendMail`.
   * @default none - a handler that declares it fails the synth
   */
  readonly mail?: MailIdentity;
  /**
   * Bound to handlers that declare `largeBodies`.
   * @default none - a handler that declares it fails the synth
   */
  readonly largeBodies?: IBucket;
  /** Powertools environment shared by every function. Required. */
  readonly powertools: PowertoolsSettings;
  /**
   * Retention of every function's log group.
   * @default the house function's default
   */
  readonly logRetention?: RetentionDays;
}

export class PlatformFunctions extends Construct {
  readonly byName: ReadonlyMap<string, HouseFunction>;

  constructor(scope: Construct, id: string, props: PlatformFunctionsProps) {
    super(scope, id);
    const byName = new Map<string, HouseFunction>();
    for (const [name, declaration] of Object.entries(props.handlers)) {
      const fn = new HouseFunction(this, name, {
        entry: join(REPO_ROOT, declaration.entry),
        description: declaration.description,
        memoryMb: declaration.memoryMb,
        timeout: Duration.seconds(declaration.timeoutSeconds),
        powertools: props.powertools,
        logRetention: props.logRetention,
        usesS3: declaration.grants.largeBodies === true,
        bundledFiles: declaration.webAssets
          ? Object.values(ASSET_FILES).map((asset) => ({
              source: asset.source,
              name: asset.name,
            }))
          : undefined,
      });
      const { grants } = declaration;
      if (grants.table) bindTable(fn, props.table, grants.table);
      if (grants.publishEvents) bindEventBus(fn, props.eventBus, EVENT_SOURCE);
      if (grants.notifyRisks) bindRiskTopic(fn, props.riskTopic);
      if (grants.userPool) {
        if (!props.people) throw new Error(`${name} declares userPool, but no pool was given`);
        bindUserPool(fn, props.people, grants.userPool);
      }
      for (const queue of grants.queues ?? []) {
        if (!props.queues) throw new Error(`${name} sends to queue ${queue}, but none was given`);
        bindQueue(fn, props.queues.get(queue), props.queues.declarationOf(queue));
      }
      if (grants.sendMail) {
        if (!props.mail) throw new Error(`${name} declares sendMail, but no identity was given`);
        bindMailSender(fn, props.mail);
      }
      if (grants.largeBodies) {
        if (!props.largeBodies) {
          throw new Error(`${name} declares largeBodies, but no bucket was given`);
        }
        bindLargeBodyBucket(fn, props.largeBodies);
      }
      byName.set(name, fn);
    }
    this.byName = byName;
  }

  /** The function of a declared handler; throws on a name that was not declared. */
  get(name: string): HouseFunction {
    const fn = this.byName.get(name);
    if (!fn) throw new Error(`no function for handler "${name}"`);
    return fn;
  }
}
