/**
 * cdk-nag 3 runs as a CDK validation plugin on every synth (the CLI's and the tests'):
 * an unacknowledged finding fails the synth. Acknowledgements live next to the construct
 * that causes them, through `acknowledge`, so the reason sits beside the code it excuses.
 */
import { Stack, Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

/**
 * Accepts one finding on `scope` and everything under it. Rules that report several
 * findings on one resource (IAM4, IAM5) need the full id, `AwsSolutions-IAM5[Resource::*]`.
 */
export function acknowledge(scope: IConstruct, findingId: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: findingId, reason });
}

/**
 * Accepts IAM5's finding for a resource ARN ending in a wildcard (a bucket's objects) whose
 * text is known only once the app is prepared: a cross-stack reference becomes an import
 * with a generated export name then. The id is computed at that point, as cdk-nag flattens
 * it; the tree's validations run after preparation and before the validation plugins.
 */
export function acknowledgeWildcardResource(
  scope: IConstruct,
  resource: string,
  reason: string,
): void {
  scope.node.addValidation({
    validate: () => {
      const flat = flattenCfnReference(Stack.of(scope).resolve(resource));
      acknowledge(scope, `AwsSolutions-IAM5[Resource::${flat}]`, reason);
      return [];
    },
  });
}
