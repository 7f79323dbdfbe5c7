/**
 * The code and its wiring: one function per handler, the REST API, the event rules and
 * schedules with their dead-letter queues, and the monitoring. It holds nothing that
 * cannot be rebuilt from the repository and the stateful stack.
 */
import {
  CfnOutput,
  CrossStackReferences,
  ReferenceStrength,
  Stack,
  type StackProps,
} from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AsyncInvocationFailures } from './constructs/async-invocation-failures.ts';
import { EventRules } from './constructs/event-rules.ts';
import { PlatformAlarms, type PlatformAlarmsProps } from './constructs/platform-alarms.ts';
import { PlatformDashboard } from './constructs/platform-dashboard.ts';
import { PlatformFunctions } from './constructs/platform-functions.ts';
import { METRICS_NAMESPACE, PlatformMetrics } from './constructs/platform-metrics.ts';
import { PlatformQueues } from './constructs/platform-queues.ts';
import { PlatformSchedules } from './constructs/platform-schedules.ts';
import { ProgressApi } from './constructs/progress-api.ts';
import type { LogLevel, MailContext } from './context.ts';
import {
  checkDeclarations,
  SHARED_DECLARATIONS,
  type PlatformDeclarations,
} from './declarations.ts';
import { BINARY_MEDIA_TYPES } from '#shared/platform/media-types.ts';
import { routesWithJsonBody } from './request-bodies.ts';
import type { StatefulResources } from './stateful-stack.ts';

export interface StatelessStackProps extends StackProps {
  /** Stage name, from context. Required. */
  readonly stage: string;
  /** The stateful stack's resources. Required. */
  readonly stateful: StatefulResources;
  /**
   * POWERTOOLS_LOG_LEVEL of every function.
   * @default 'INFO'
   */
  readonly logLevel?: LogLevel;
  /** Where mail is sent from, and the web app's address in it. Required. */
  readonly mail: MailContext;
  /**
   * What to build.
   * @default the shared declarations (shared/platform/*.ts)
   */
  readonly declarations?: Partial<PlatformDeclarations>;
  /**
   * Alarm tuning (thresholds, recovery notices).
   * @default the defaults of PlatformAlarms
   */
  readonly alarms?: Pick<PlatformAlarmsProps, 'api5xxPercent' | 'errorThresholds' | 'notifyOk'>;
  /**
   * Routes (`METHOD /path`) that take a JSON object body.
   * @default those whose OpenAPI operation declares an application/json request body
   */
  readonly jsonBodyRoutes?: ReadonlySet<string>;
}

export class StatelessStack extends Stack {
  readonly functions: PlatformFunctions;
  readonly api: ProgressApi;
  readonly dashboard: PlatformDashboard;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    // Strong references (CloudFormation exports): the stateful stack cannot be deleted
    // while this one uses it, which is the point of the split. The price: removing a
    // referenced resource takes two deploys (aws-cdk-lib's README, "deadly embrace").
    CrossStackReferences.of(this).consume(ReferenceStrength.STRONG);
    const declarations: PlatformDeclarations = { ...SHARED_DECLARATIONS, ...props.declarations };
    checkDeclarations(declarations);
    const { stateful } = props;
    // Per stage, so two stages sharing an account keep their metrics and alarms apart.
    const serviceName = `langson-progress-${props.stage}`;

    const queues = new PlatformQueues(this, 'Queues', { queues: declarations.queues });
    this.functions = new PlatformFunctions(this, 'Functions', {
      handlers: declarations.handlers,
      queues,
      mail: {
        identityArn: this.formatArn({
          service: 'ses',
          resource: 'identity',
          resourceName: props.mail.sesIdentity,
        }),
        from: props.mail.from,
      },
      table: stateful.table,
      eventBus: stateful.eventBus,
      riskTopic: stateful.riskTopic,
      people: stateful.people,
      largeBodies: stateful.largeBodies,
      powertools: {
        serviceName,
        metricsNamespace: METRICS_NAMESPACE,
        logLevel: props.logLevel ?? 'INFO',
      },
    });

    this.api = new ProgressApi(this, 'Api', {
      stage: props.stage,
      routes: declarations.routes,
      functions: this.functions,
      jsonBodyRoutes: props.jsonBodyRoutes ?? routesWithJsonBody(),
      binaryMediaTypes: BINARY_MEDIA_TYPES,
    });

    queues.connectConsumers(this.functions);
    // The links in messages: the app's own domain when given, else the API stage's URL (the
    // senders are no API integrations, so they may depend on the stage).
    for (const [name, declaration] of Object.entries(declarations.handlers)) {
      if (!declaration.grants.sendMail) continue;
      this.functions
        .get(name)
        .addEnvironment('PUBLIC_BASE_URL', props.mail.publicBaseUrl ?? this.api.api.url);
    }

    const rules = new EventRules(this, 'EventRules', {
      rules: declarations.rules,
      eventBus: stateful.eventBus,
      functions: this.functions,
    });
    const schedules = new PlatformSchedules(this, 'Schedules', {
      schedules: declarations.schedules,
      functions: this.functions,
    });
    const failures = new AsyncInvocationFailures(this, 'AsyncFailures', {
      rules: declarations.rules,
      schedules: declarations.schedules,
      functions: this.functions,
    });
    const deadLetterQueues = [
      ...queues.deadLetterQueues,
      ...rules.deadLetterQueues,
      ...schedules.deadLetterQueues,
      ...failures.deadLetterQueues,
    ];

    const metrics = new PlatformMetrics(serviceName);
    const alarms = new PlatformAlarms(this, 'Alarms', {
      ...props.alarms,
      apiStage: this.api.api.deploymentStage,
      functions: this.functions,
      deadLetterQueues,
      queues,
      metrics,
      alarmTopic: stateful.alarmTopic.topic,
    });
    this.dashboard = new PlatformDashboard(this, 'Dashboard', {
      stage: props.stage,
      apiStage: this.api.api.deploymentStage,
      functions: this.functions,
      deadLetterQueues,
      metrics,
      alarms: alarms.alarms,
    });

    new CfnOutput(this, 'ApiUrl', {
      description: 'Base URL of the REST API stage',
      value: this.api.api.url,
    });
    new CfnOutput(this, 'DashboardUrl', {
      description: 'The operators’ CloudWatch dashboard',
      value: this.dashboard.url,
    });
  }
}
