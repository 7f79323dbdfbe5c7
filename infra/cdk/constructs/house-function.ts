/**
 * The one way this platform builds a Lambda function: Node.js 24 on arm64, an ESM bundle
 * made by the local esbuild (no Docker) as `lambda-bundling.ts` says, Lambda's active
 * tracing, JSON logs to a log group of its own with a retention, and a role that starts
 * with nothing but writing to that log group and to X-Ray. Everything else a function may
 * do is added by the `bind*` helpers in `grants.ts`.
 *
 * A construct that holds a NodejsFunction rather than a subclass of it: the role and the
 * log group have to exist before the function, and a subclass cannot create children
 * before calling `super`.
 */
import { BUNDLED_ASSETS_DIR } from '#shared/web/assets.ts';
import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import {
  LogLevel as EsbuildLogLevel,
  NodejsFunction,
  OutputFormat,
} from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { LogLevel } from '../context.ts';
import { acknowledge } from '../nag.ts';
import { REPO_ROOT } from '../paths.ts';
import { externalModulesFor, LAMBDA_BUNDLING } from './lambda-bundling.ts';

export interface PowertoolsSettings {
  /** POWERTOOLS_SERVICE_NAME: the logs' `service` key and the metrics' `service` dimension. */
  readonly serviceName: string;
  /** POWERTOOLS_METRICS_NAMESPACE. */
  readonly metricsNamespace: string;
  /** POWERTOOLS_LOG_LEVEL, also Lambda's application log level. */
  readonly logLevel: LogLevel;
}

export interface HouseFunctionProps {
  /** Absolute path of the TypeScript module that exports `handler`. Required. */
  readonly entry: string;
  /** What the function does, shown in the console. Required. */
  readonly description: string;
  /** Powertools environment. Required. */
  readonly powertools: PowertoolsSettings;
  /**
   * Memory in MB (CPU grows with it).
   * @default 256
   */
  readonly memoryMb?: number;
  /**
   * Longest run before Lambda stops the function.
   * @default Duration.seconds(10)
   */
  readonly timeout?: Duration;
  /**
   * Further environment variables; the `bind*` helpers add theirs with `addEnvironment`.
   * @default - only NODE_OPTIONS and the Powertools variables
   */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * How long the function's logs are kept.
   * @default RetentionDays.THREE_MONTHS - a quarter, the platform's reporting period
   */
  readonly logRetention?: RetentionDays;
  /**
   * The directory esbuild runs in and where `package-lock.json` is.
   * @default the repository root
   */
  readonly projectRoot?: string;
  /**
   * Files copied beside the bundle, under `web-assets/<name>` (BUNDLED_ASSETS_DIR): the web
   * app's stylesheet and scripts, which the function serves.
   * @default none
   */
  readonly bundledFiles?: readonly { source: string; name: string }[];
  /**
   * Whether the function uses the S3 client, whose event-stream serde must then be bundled.
   * @default false
   */
  readonly usesS3?: boolean;
}

const APPLICATION_LOG_LEVEL: Record<LogLevel, ApplicationLogLevel> = {
  DEBUG: ApplicationLogLevel.DEBUG,
  INFO: ApplicationLogLevel.INFO,
  WARN: ApplicationLogLevel.WARN,
  ERROR: ApplicationLogLevel.ERROR,
};

const MEMORY_MB = { min: 128, max: 10_240 };
const MAX_TIMEOUT = Duration.minutes(15);
/** Lambda refuses longer descriptions at deploy time; better to fail at synth. */
const MAX_DESCRIPTION = 256;

/** esbuild's hooks that copy files into the bundle's folder, as the local bundler runs them. */
function copyFiles(files: readonly { source: string; name: string }[]) {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir: string, outputDir: string) => [
      `mkdir -p "${outputDir}/${BUNDLED_ASSETS_DIR}"`,
      ...files.map(
        (file) =>
          `cp "${inputDir}/${file.source}" "${outputDir}/${BUNDLED_ASSETS_DIR}/${file.name}"`,
      ),
    ],
  };
}

export class HouseFunction extends Construct {
  readonly lambda: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: HouseFunctionProps) {
    super(scope, id);
    const memoryMb = props.memoryMb ?? 256;
    const timeout = props.timeout ?? Duration.seconds(10);
    if (!Number.isInteger(memoryMb) || memoryMb < MEMORY_MB.min || memoryMb > MEMORY_MB.max) {
      throw new Error(`${id}: memoryMb must be an integer from 128 to 10240, got ${memoryMb}`);
    }
    if (props.description.length > MAX_DESCRIPTION) {
      throw new Error(`${id}: description must be at most ${MAX_DESCRIPTION} characters`);
    }
    if (timeout.toSeconds() < 1 || timeout.toSeconds() > MAX_TIMEOUT.toSeconds()) {
      throw new Error(`${id}: timeout must be from 1 s to 15 min, got ${timeout.toHumanString()}`);
    }
    const projectRoot = props.projectRoot ?? REPO_ROOT;

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.THREE_MONTHS,
      // Logs are the audit trail of who reported what; they expire by retention, not with
      // the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Our own role instead of Lambda's default: the default attaches the managed
    // AWSLambdaBasicExecutionRole, which may write to every log group in the account.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${id}: ${props.description}`.slice(0, 1000),
    });
    this.logGroup.grantWrite(this.role);

    this.lambda = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: memoryMb,
      timeout,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: APPLICATION_LOG_LEVEL[props.powertools.logLevel],
      systemLogLevelV2: SystemLogLevel.INFO,
      // Active tracing without a tracing SDK in the bundle: Lambda records each invocation's
      // segments (Init, Invocation, Overhead) and joins them to the caller's trace (API
      // Gateway, EventBridge) and the service map. What the Powertools Tracer and its X-Ray
      // SDK added, and this gives up: a subsegment per AWS call (DynamoDB, EventBridge, SNS
      // as nodes of the map with their latencies) and the handler's ColdStart and Service
      // annotations. See BENCHMARKS.md, figure 3.
      tracing: Tracing.ACTIVE,
      projectRoot,
      depsLockFilePath: join(projectRoot, 'package-lock.json'),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: props.powertools.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: props.powertools.metricsNamespace,
        POWERTOOLS_LOG_LEVEL: props.powertools.logLevel,
        ...props.environment,
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: LAMBDA_BUNDLING.target,
        banner: LAMBDA_BUNDLING.banner,
        mainFields: [...LAMBDA_BUNDLING.mainFields],
        minify: LAMBDA_BUNDLING.minify,
        sourceMap: LAMBDA_BUNDLING.sourceMap,
        sourcesContent: LAMBDA_BUNDLING.sourcesContent,
        externalModules: externalModulesFor(props.usesS3 ?? false),
        logLevel: EsbuildLogLevel.WARNING,
        commandHooks: props.bundledFiles && copyFiles(props.bundledFiles),
      },
    });

    acknowledge(
      this.role,
      'AwsSolutions-IAM5[Resource::*]',
      'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords have no resource-level permissions, so AWS requires Resource "*" for them; tests assert it is the only wildcard statement of every function role.',
    );
  }

  addEnvironment(name: string, value: string): void {
    this.lambda.addEnvironment(name, value);
  }
}
