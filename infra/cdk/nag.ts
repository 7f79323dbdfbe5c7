/**
 * cdk-nag 3 runs as a CDK validation plugin on every synth (the CLI's and the tests'):
 * an unacknowledged finding fails the synth. Acknowledgements live next to the construct
 * that causes them, through `acknowledge`, so the reason sits beside the code it excuses.
 */
import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
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
