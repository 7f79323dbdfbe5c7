import { ResponseType } from 'aws-cdk-lib/aws-apigateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GATEWAY_PROBLEM_SPECS,
  PROBLEM_CONTENT_TYPE,
} from '#infra/cdk/constructs/gateway-responses.ts';
import { routesWithJsonBody } from '#infra/cdk/request-bodies.ts';
import { GATEWAY_PROBLEMS } from '#infra/local/api-gateway/responses.ts';
import { BINARY_MEDIA_TYPES } from '#shared/platform/media-types.ts';
import { ALL_ROUTES, ROUTES } from '#shared/platform/routes.ts';
import {
  defined,
  functionIds,
  only,
  STAGE,
  synthesize,
  type Synthesized,
} from './support/platform.ts';

let synthesized: Synthesized;
type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;
let resources: Resources;

beforeAll(() => {
  synthesized = synthesize();
  resources = synthesized.stateless.toJSON().Resources as Resources;
});
afterAll(() => synthesized.dispose());

const ofType = (type: string) =>
  Object.entries(resources).filter(([, resource]) => resource.Type === type);

/** `/a/{b}` for every API Gateway resource id, walking ParentId up to the root. */
function resourcePaths(): Map<string, string> {
  const paths = new Map<string, string>();
  const pathOf = (id: string): string => {
    const known = paths.get(id);
    if (known !== undefined) return known;
    const resource = resources[id];
    if (!resource) throw new Error(`no resource ${id}`);
    const parent = resource.Properties.ParentId as { Ref?: string };
    const parentPath = parent.Ref ? pathOf(parent.Ref) : '';
    const path = `${parentPath}/${String(resource.Properties.PathPart)}`;
    paths.set(id, path);
    return path;
  };
  for (const [id] of ofType('AWS::ApiGateway::Resource')) pathOf(id);
  return paths;
}

/** Methods by `METHOD /path`. */
function methods(): Map<string, Record<string, unknown>> {
  const paths = resourcePaths();
  const byRoute = new Map<string, Record<string, unknown>>();
  for (const [, method] of ofType('AWS::ApiGateway::Method')) {
    const resourceId = method.Properties.ResourceId as { Ref?: string };
    const path = resourceId.Ref ? paths.get(resourceId.Ref) : '/';
    byRoute.set(`${String(method.Properties.HttpMethod)} ${path}`, method.Properties);
  }
  return byRoute;
}

describe('routes', () => {
  it('are exactly the declared ones, none more (no CORS preflight methods)', () => {
    // Prepare
    const declared = ALL_ROUTES.map((route) => `${route.method} ${route.path}`).sort();

    // Act
    const built = [...methods().keys()].sort();

    // Assess
    expect(built).toEqual(declared);
  });

  it.each(ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s has the declared authorization and handler',
    (key, route) => {
      // Prepare
      const [authorizerId] = ofType('AWS::ApiGateway::Authorizer').map(([id]) => id);
      const handler = functionIds(synthesized.platform, route.handler).function;

      // Act
      const method = methods().get(key);

      // Assess
      expect(method).toBeDefined();
      if (route.access === 'public') {
        expect(method?.AuthorizationType).toBe('NONE');
        expect(method?.AuthorizerId).toBeUndefined();
      } else {
        expect(method?.AuthorizationType).toBe('CUSTOM');
        expect(method?.AuthorizerId).toEqual({ Ref: authorizerId });
      }
      expect(JSON.stringify(method?.Integration)).toContain(`"${handler}"`);
      expect(method?.Integration).toMatchObject({ Type: 'AWS_PROXY' });
    },
  );

  it('validate path parameters, and JSON bodies where the OpenAPI document declares one', () => {
    // Prepare
    const [validatorId] = ofType('AWS::ApiGateway::RequestValidator').map(([id]) => id);
    const withBody = routesWithJsonBody();
    const built = methods();

    // Act
    const checks = ROUTES.map((route) => {
      const key = `${route.method} ${route.path}`;
      const method = built.get(key);
      const parameters = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      return { key, method, parameters, body: withBody.has(key) };
    });

    // Assess
    expect(withBody.size).toBeGreaterThan(0);
    for (const { key, method, parameters, body } of checks) {
      expect(method?.RequestParameters ?? {}, key).toEqual(
        Object.fromEntries(parameters.map((name) => [`method.request.path.${name}`, true])),
      );
      const validated = parameters.length > 0 || body;
      expect(method?.RequestValidatorId, key).toEqual(validated ? { Ref: validatorId } : undefined);
      expect(method?.RequestModels !== undefined, key).toBe(body);
    }
    expect(resources[defined(validatorId, 'request validator')]?.Properties).toMatchObject({
      ValidateRequestBody: true,
      ValidateRequestParameters: true,
    });
  });
});

describe('binary documents', () => {
  it('passes the Excel and Word media types as bytes, and nothing else', () => {
    // Prepare
    const apis = ofType('AWS::ApiGateway::RestApi');

    // Act
    const [, api] = only(apis, 'REST API');

    // Assess: JSON bodies stay text, so the gateway still validates them
    expect(api.Properties.BinaryMediaTypes).toEqual([...BINARY_MEDIA_TYPES]);
    expect(api.Properties.BinaryMediaTypes).not.toContain('application/json');
  });
});

describe('compression', () => {
  it('compresses responses of 1 KiB and more for clients that accept it', () => {
    // Prepare
    const apis = ofType('AWS::ApiGateway::RestApi');

    // Act
    const [, api] = only(apis, 'REST API');

    // Assess
    expect(api.Properties.MinimumCompressionSize).toBe(1024);
  });
});

describe('the authorizer', () => {
  it('is a TOKEN authorizer on the Authorization header, cached 60 s, run by the authorizer handler', () => {
    // Prepare
    const handler = functionIds(synthesized.platform, 'authorizer').function;

    // Act
    const authorizers = ofType('AWS::ApiGateway::Authorizer');

    // Assess
    const [, authorizer] = only(authorizers, 'authorizer');
    expect(authorizer.Properties).toMatchObject({
      Type: 'TOKEN',
      IdentitySource: 'method.request.header.Authorization',
      AuthorizerResultTtlInSeconds: 60,
    });
    expect(JSON.stringify(authorizer.Properties.AuthorizerUri)).toContain(`"${handler}"`);
  });
});

describe('the stage', () => {
  it('is named from context and logs, traces and throttles every method', () => {
    // Prepare
    const stages = ofType('AWS::ApiGateway::Stage');

    // Act
    const [, stage] = only(stages, 'stage');

    // Assess
    expect(stage.Properties).toMatchObject({
      StageName: STAGE,
      TracingEnabled: true,
      MethodSettings: [
        {
          HttpMethod: '*',
          ResourcePath: '/*',
          LoggingLevel: 'INFO',
          DataTraceEnabled: false,
          ThrottlingRateLimit: 50,
          ThrottlingBurstLimit: 100,
        },
      ],
    });
  });

  it('writes JSON access logs to its own log group', () => {
    // Prepare
    const [, stage] = only(ofType('AWS::ApiGateway::Stage'), 'stage');

    // Act
    const setting = stage.Properties.AccessLogSetting as {
      DestinationArn: { 'Fn::GetAtt': [string, string] };
      Format: string;
    };
    const format = JSON.parse(setting.Format) as Record<string, string>;

    // Assess
    expect(resources[setting.DestinationArn['Fn::GetAtt'][0]]?.Type).toBe('AWS::Logs::LogGroup');
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      status: '$context.status',
      tokenId: '$context.authorizer.principalId',
    });
    expect(setting.Format).not.toMatch(/authorizationToken|requestBody|\$input/);
  });
});

describe('gateway responses', () => {
  const responses = () =>
    new Map(
      ofType('AWS::ApiGateway::GatewayResponse').map(([, r]) => [
        String(r.Properties.ResponseType),
        r.Properties,
      ]),
    );

  /** What API Gateway sends: the template with its one variable substituted. */
  const render = (template: string) =>
    JSON.parse(
      template.replaceAll('$context.error.messageString', '"Something went wrong"'),
    ) as Record<string, unknown>;

  it.each(['DEFAULT_4XX', 'DEFAULT_5XX', 'UNAUTHORIZED', 'ACCESS_DENIED', 'THROTTLED'])(
    '%s answers application/problem+json with type, title, status and detail',
    (type) => {
      // Prepare
      const response = responses().get(type);

      // Act
      const templates = response?.ResponseTemplates as Record<string, string>;
      const body = render(defined(templates['application/json'], `${type} template`));

      // Assess
      expect(response?.ResponseParameters).toMatchObject({
        'gatewayresponse.header.Content-Type': `'${PROBLEM_CONTENT_TYPE}'`,
      });
      expect(body).toMatchObject({
        type: expect.any(String),
        title: expect.any(String),
        status: Number(response?.StatusCode),
        detail: expect.any(String),
      });
    },
  );

  it('cover every response type API Gateway has, each with its own status', () => {
    // Prepare
    const all = Object.values(ResponseType)
      .filter((value): value is ResponseType => value instanceof ResponseType)
      .map((type) => type.responseType);

    // Act
    const built = responses();

    // Assess
    expect([...built.keys()].sort()).toEqual([...new Set(all)].sort());
    for (const [type, response] of built) {
      const body = render(
        defined(
          (response.ResponseTemplates as Record<string, string>)['application/json'],
          `${type} template`,
        ),
      );
      expect(body.status, type).toBe(Number(response.StatusCode));
    }
  });

  it('ask for a bearer token on 401 and answer an unknown route with 404', () => {
    // Prepare
    const built = responses();

    // Act
    const unauthorized = built.get('UNAUTHORIZED');
    const missingToken = built.get('MISSING_AUTHENTICATION_TOKEN');

    // Assess
    expect(unauthorized?.ResponseParameters).toMatchObject({
      'gatewayresponse.header.WWW-Authenticate': "'Bearer'",
    });
    expect(missingToken?.StatusCode).toBe('404');
  });

  it('agree with the local gateway on status and title for every type both answer', () => {
    // Prepare
    const local = Object.entries(GATEWAY_PROBLEMS).filter(
      // Locally a wrong method on a known path is 405; API Gateway cannot tell them apart.
      ([name]) => name !== 'methodNotAllowed',
    );

    // Act
    const mismatches = local.flatMap(([name, problem]) => {
      const spec = GATEWAY_PROBLEM_SPECS.find((s) => s.type.responseType === problem.responseType);
      return spec?.status === problem.status && spec.title === problem.title
        ? []
        : [{ name, local: problem, cloud: spec }];
    });

    // Assess
    expect(mismatches).toEqual([]);
  });
});
