/**
 * Evaluates the policy a Lambda authorizer returns against one `execute-api:Invoke` call,
 * with IAM's rules: an explicit Deny wins, otherwise an Allow is needed, otherwise the
 * call is implicitly denied. `*` and `?` are wildcards in actions and resources.
 */
import type { PolicyDocument, Statement } from 'aws-lambda';

export type PolicyDecision = 'allow' | 'explicit-deny' | 'implicit-deny';

const INVOKE_ACTION = 'execute-api:Invoke';

export function evaluatePolicy(policy: PolicyDocument, resourceArn: string): PolicyDecision {
  let allowed = false;
  // IAM also accepts a single statement object in place of the array.
  const statements: unknown = policy.Statement;
  for (const statement of (Array.isArray(statements) ? statements : [statements]) as Statement[]) {
    if (!applies(statement, resourceArn)) continue;
    if (statement.Effect === 'Deny') return 'explicit-deny';
    if (statement.Effect === 'Allow') allowed = true;
  }
  return allowed ? 'allow' : 'implicit-deny';
}

function applies(statement: Statement, resourceArn: string): boolean {
  // Conditions are not evaluated locally; a conditional statement is left out, so a
  // conditional Allow grants nothing here (fail closed) — the project's authorizer has none.
  if (statement.Condition && Object.keys(statement.Condition).length > 0) return false;

  const actionMatches =
    'Action' in statement
      ? anyMatches(statement.Action, INVOKE_ACTION, false)
      : !anyMatches(statement.NotAction, INVOKE_ACTION, false);
  if (!actionMatches) return false;

  if ('Resource' in statement && statement.Resource !== undefined) {
    return anyMatches(statement.Resource, resourceArn, true);
  }
  if ('NotResource' in statement && statement.NotResource !== undefined) {
    return !anyMatches(statement.NotResource, resourceArn, true);
  }
  return false;
}

function anyMatches(patterns: string | string[], value: string, caseSensitive: boolean): boolean {
  const list = Array.isArray(patterns) ? patterns : [patterns];
  return list.some((pattern) => wildcardMatches(pattern, value, caseSensitive));
}

/** IAM wildcards: `*` any run of characters (slashes and colons included), `?` one. */
export function wildcardMatches(pattern: string, value: string, caseSensitive = true): boolean {
  const source = pattern
    .split('')
    .map((char) => {
      if (char === '*') return '.*';
      if (char === '?') return '.';
      return char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  // IAM action names are case-insensitive; resource ARNs are not.
  return new RegExp(`^${source}$`, caseSensitive ? 's' : 'si').test(value);
}
