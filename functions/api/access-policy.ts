/**
 * The IAM policy an authorizer returns for a role: an Allow for every route the role may
 * call, derived from the route declarations. The whole API's worth per role, because API
 * Gateway caches one policy per token and reuses it for every route.
 */
import type { APIGatewayAuthorizerResult } from 'aws-lambda';
import type { Role } from '#shared/domain/access/caller.ts';
import { ROUTES, type RouteDeclaration } from '#shared/platform/routes.ts';

/** `arn:aws:execute-api:region:account:apiId/stage/GET/tasks` → `arn:…:apiId/stage`. */
function apiStageArn(methodArn: string): string {
  const [apiArn, stage] = methodArn.split('/');
  return `${apiArn}/${stage}`;
}

function resourceOf(route: RouteDeclaration): string {
  return route.path.replace(/\{[^}]+\}/g, '*').replace(/^\//, '');
}

export function policyFor(
  principalId: string,
  role: Role,
  methodArn: string,
  context: Record<string, string>,
): APIGatewayAuthorizerResult {
  const stageArn = apiStageArn(methodArn);
  const allowed = ROUTES.filter(
    (route: RouteDeclaration) => route.access !== 'public' && route.access.includes(role),
  );
  return {
    principalId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [
        {
          Action: 'execute-api:Invoke',
          Effect: 'Allow',
          Resource: allowed.map((route) => `${stageArn}/${route.method}/${resourceOf(route)}`),
        },
      ],
    },
    context,
  };
}
