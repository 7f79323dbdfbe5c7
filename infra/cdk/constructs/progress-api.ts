/**
 * The REST API, built from the route declarations: one method per route, Lambda proxy
 * integrations, the TOKEN authorizer on every route that is not public, access logs in
 * JSON, execution logs at INFO without request bodies (reports may name people), X-Ray,
 * stage-wide throttling, problem+json gateway responses, and responses compressed for
 * clients that accept it. No CORS: the web app's pages
 * are served from the same API and origin, and the other callers are agency systems.
 */
import { Duration, RemovalPolicy, Size } from 'aws-cdk-lib';
import {
  AccessLogField,
  AccessLogFormat,
  AuthorizationType,
  EndpointType,
  IdentitySource,
  JsonSchemaType,
  JsonSchemaVersion,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  RestApi,
  TokenAuthorizer,
  type Method,
  type Model,
  type RequestValidator,
} from 'aws-cdk-lib/aws-apigateway';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { PAGE_ROUTES } from '#shared/platform/routes.ts';
import { AUTHORIZER_HANDLER, type RouteSpec } from '../declarations.ts';
import { acknowledge } from '../nag.ts';
import { addProblemGatewayResponses } from './gateway-responses.ts';
import type { PlatformFunctions } from './platform-functions.ts';

export interface ApiThrottling {
  /** Steady-state requests per second. */
  readonly rateLimit: number;
  /** Requests allowed in a burst above the rate. */
  readonly burstLimit: number;
}

export interface ProgressApiProps {
  /** Stage name, from context. Required. */
  readonly stage: string;
  /** The routes to build. Required. */
  readonly routes: readonly RouteSpec[];
  /** Where the integrations and the authorizer are found, by handler name. Required. */
  readonly functions: PlatformFunctions;
  /**
   * Routes (`METHOD /path`) whose body must be a JSON object; the gateway refuses anything
   * else before a function runs.
   * @default none
   */
  readonly jsonBodyRoutes?: ReadonlySet<string>;
  /**
   * Media types API Gateway passes as bytes: request bodies of these types reach the
   * functions base64-encoded, and base64 results are returned as bytes to a request whose
   * first Accept type is one of them.
   * @default none - every body is text
   */
  readonly binaryMediaTypes?: readonly string[];
  /**
   * Default throttling of every method of the stage.
   * @default { rateLimit: 50, burstLimit: 100 } - far above what the province's agencies
   * send, low enough that a runaway script cannot run up the bill
   */
  readonly throttling?: ApiThrottling;
  /**
   * How long API Gateway reuses an authorizer decision for the same token. The policy
   * the authorizer returns covers every route of the role, so it is safe to reuse; a
   * revoked token keeps working for at most this long: keep it at 60 s or less.
   * @default Duration.seconds(60)
   */
  readonly authorizerCacheTtl?: Duration;
  /**
   * Retention of the access logs.
   * @default RetentionDays.THREE_MONTHS
   */
  readonly accessLogRetention?: RetentionDays;
  /**
   * The smallest response API Gateway compresses (gzip or deflate, as the client's
   * Accept-Encoding asks).
   * @default MIN_COMPRESSION_SIZE
   */
  readonly minCompressionSize?: Size;
}

/**
 * 1 KiB: a smaller response already travels in one TCP segment with its headers, so
 * compressing it saves no round trip, only CPU; the pages, JSON snapshots and CSV above it
 * shrink several times (BENCHMARKS.md section 5, raw against gzip). Excel and Word files
 * are zip archives already and barely shrink: a cost accepted for one setting.
 */
export const MIN_COMPRESSION_SIZE = Size.kibibytes(1);

/** One line per request, JSON, without bodies or tokens. */
function accessLogFormat(): AccessLogFormat {
  return AccessLogFormat.custom(
    JSON.stringify({
      requestId: AccessLogField.contextRequestId(),
      requestTime: AccessLogField.contextRequestTime(),
      sourceIp: AccessLogField.contextIdentitySourceIp(),
      httpMethod: AccessLogField.contextHttpMethod(),
      resourcePath: AccessLogField.contextResourcePath(),
      protocol: AccessLogField.contextProtocol(),
      status: AccessLogField.contextStatus(),
      responseLength: AccessLogField.contextResponseLength(),
      responseLatencyMs: AccessLogField.contextResponseLatency(),
      integrationLatencyMs: AccessLogField.contextIntegrationLatency(),
      // The token's public id (the authorizer's principalId), never the token.
      tokenId: AccessLogField.contextAuthorizerPrincipalId(),
      errorType: AccessLogField.contextErrorResponseType(),
      errorMessage: AccessLogField.contextErrorMessage(),
      xrayTraceId: AccessLogField.contextXrayTraceId(),
    }),
  );
}

const PATH_PARAMETER = /\{([^}+]+)\+?\}/g;

/** The web app's pages: served by the web functions, which check sessions themselves. */
const PAGE_HANDLERS = new Set(PAGE_ROUTES.map((route) => route.handler as string));
const isPage = (route: RouteSpec): boolean => PAGE_HANDLERS.has(route.handler);

/** A revoked token must stop working within a minute: the authorizer cache may not outlast it. */
const AUTHORIZER_CACHE_TTL = Duration.seconds(60);

export class ProgressApi extends Construct {
  readonly api: RestApi;
  readonly accessLogs: LogGroup;
  /** Methods by `METHOD /path`, as declared. */
  readonly methods: ReadonlyMap<string, Method>;
  private authorizer?: TokenAuthorizer;
  private validator?: RequestValidator;
  private jsonObjectModel?: Model;
  private readonly integrations = new Map<string, LambdaIntegration>();

  constructor(
    scope: Construct,
    id: string,
    private readonly props: ProgressApiProps,
  ) {
    super(scope, id);
    const throttling = props.throttling ?? { rateLimit: 50, burstLimit: 100 };

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.accessLogRetention ?? RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.api = new RestApi(this, 'Api', {
      restApiName: `langson-progress-${props.stage}`,
      description: 'Progress reports on the action plans of Lạng Sơn province',
      endpointTypes: [EndpointType.REGIONAL],
      binaryMediaTypes: props.binaryMediaTypes ? [...props.binaryMediaTypes] : undefined,
      minCompressionSize: props.minCompressionSize ?? MIN_COMPRESSION_SIZE,
      // Execution logging needs the account-wide API Gateway CloudWatch role; created
      // (and retained) here so a fresh account deploys without a manual step.
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN,
      deployOptions: {
        stageName: props.stage,
        accessLogDestination: new LogGroupLogDestination(this.accessLogs),
        accessLogFormat: accessLogFormat(),
        loggingLevel: MethodLoggingLevel.INFO,
        dataTraceEnabled: false,
        tracingEnabled: true,
        metricsEnabled: false,
        throttlingRateLimit: throttling.rateLimit,
        throttlingBurstLimit: throttling.burstLimit,
      },
    });
    addProblemGatewayResponses(this.api);

    const methods = new Map<string, Method>();
    for (const route of props.routes) {
      methods.set(`${route.method} ${route.path}`, this.addRoute(route));
    }
    this.methods = methods;

    acknowledge(
      this.api.deploymentStage,
      'AwsSolutions-APIG3',
      `No WAF web ACL yet: every data route needs a bearer token checked by the authorizer, the stage throttles every method at ${throttling.rateLimit} rps / burst ${throttling.burstLimit}, and the callers are known agency systems. Revisit (AWS managed rules + a rate-based rule) if the API is opened to the public.`,
    );
    const cloudWatchRole = this.api.node.tryFindChild('CloudWatchRole');
    if (cloudWatchRole) {
      acknowledge(
        cloudWatchRole,
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        "API Gateway's account-level logging role: the AWS-managed policy is the one AWS documents for it, and API Gateway chooses the execution log group names it writes to.",
      );
    }
  }

  private addRoute(route: RouteSpec): Method {
    const resource = this.api.root.resourceForPath(route.path);
    const pathParameters = [...route.path.matchAll(PATH_PARAMETER)].map((match) => match[1]);
    // The handler's zod schema stays the authority on the fields: the gateway only weeds
    // out bodies that cannot possibly be right (not JSON, not an object) without a cold
    // start. Headers are left to the handlers, whose problem details say which is missing.
    const jsonBody = this.props.jsonBodyRoutes?.has(`${route.method} ${route.path}`) ?? false;
    const validate = pathParameters.length > 0 || jsonBody;
    const isPublic = route.access === 'public';

    const method = resource.addMethod(route.method, this.integrationFor(route.handler), {
      authorizationType: isPublic ? AuthorizationType.NONE : AuthorizationType.CUSTOM,
      authorizer: isPublic ? undefined : this.tokenAuthorizer(),
      requestParameters: Object.fromEntries(
        pathParameters.map((name) => [`method.request.path.${name}`, true]),
      ),
      requestValidator: validate ? this.requestValidator() : undefined,
      requestModels: jsonBody ? { 'application/json': this.jsonObject() } : undefined,
    });

    if (isPublic && isPage(route)) {
      acknowledge(
        method,
        'AwsSolutions-APIG4',
        `${route.method} ${route.path} is a web page: a browser holds no bearer token, so the page handler checks the session its HttpOnly cookie names (and the person's role) itself.`,
      );
      acknowledge(
        method,
        'AwsSolutions-COG4',
        `${route.method} ${route.path} is a web page: people sign in through the Cognito user pool in the page handler (USER_PASSWORD_AUTH, ID token verified with aws-jwt-verify), which then holds a server-side session.`,
      );
    } else if (isPublic) {
      acknowledge(
        method,
        'AwsSolutions-APIG4',
        `${route.method} ${route.path} is public by declaration (shared/platform/routes.ts): it serves no agency data.`,
      );
      acknowledge(
        method,
        'AwsSolutions-COG4',
        `${route.method} ${route.path} is public by declaration: no authorizer of any kind.`,
      );
    } else {
      acknowledge(
        method,
        'AwsSolutions-COG4',
        'Authorized by the TOKEN Lambda authorizer instead of Cognito: the callers are agency systems and scripts holding long-lived bearer tokens (stored as SHA-256 hashes, bound to a role and an agency, revocable), not people signing in.',
      );
    }
    return method;
  }

  private integrationFor(handler: string): LambdaIntegration {
    let integration = this.integrations.get(handler);
    if (!integration) {
      // No test-invoke permission: the console's test button is not worth a second
      // resource-policy statement per method.
      integration = new LambdaIntegration(this.props.functions.get(handler).lambda, {
        allowTestInvoke: false,
      });
      this.integrations.set(handler, integration);
    }
    return integration;
  }

  private tokenAuthorizer(): TokenAuthorizer {
    this.authorizer ??= new TokenAuthorizer(this, 'Authorizer', {
      handler: this.props.functions.get(AUTHORIZER_HANDLER).lambda,
      identitySource: IdentitySource.header('Authorization'),
      resultsCacheTtl: this.props.authorizerCacheTtl ?? AUTHORIZER_CACHE_TTL,
    });
    return this.authorizer;
  }

  private requestValidator(): RequestValidator {
    this.validator ??= this.api.addRequestValidator('Validator', {
      validateRequestBody: true,
      validateRequestParameters: true,
    });
    return this.validator;
  }

  private jsonObject(): Model {
    this.jsonObjectModel ??= this.api.addModel('JsonObject', {
      contentType: 'application/json',
      description: 'Any JSON object; the handler validates the fields',
      schema: {
        schema: JsonSchemaVersion.DRAFT4,
        title: 'JsonObject',
        type: JsonSchemaType.OBJECT,
      },
    });
    return this.jsonObjectModel;
  }
}
