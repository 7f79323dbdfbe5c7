import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform } from '#infra/cdk/platform.ts';
import { EVENT_RULES, SCHEDULES } from '#shared/platform/events.ts';
import { ALL_ROUTES } from '#shared/platform/routes.ts';
import {
  SAMPLE_HANDLERS,
  SAMPLE_RULE,
  SAMPLE_SCHEDULE,
  synthesize,
  temporaryOutdir,
  type Synthesized,
} from './support/platform.ts';

interface ValidationReport {
  pluginReports: { pluginName: string; violations: { ruleName: string; severity: string }[] }[];
}

/** Every acknowledgement in the tree: finding id → construct paths and reasons. */
function acknowledgements(root: IConstruct): Map<string, { path: string; reason: string }[]> {
  const found = new Map<string, { path: string; reason: string }[]>();
  for (const construct of root.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== 'aws:cdk:acknowledged-rules') continue;
      for (const [qualified, reason] of Object.entries(entry.data as Record<string, string>)) {
        // CDK records the id qualified by a namespace (`Annotation::AwsSolutions-SQS3`).
        const id = qualified.replace(/^\w+::/, '');
        found.set(id, [...(found.get(id) ?? []), { path: construct.node.path, reason }]);
      }
    }
  }
  return found;
}

let synthesized: Synthesized;

beforeAll(() => {
  // Synthesis runs AwsSolutionsChecks and throws on any finding left unacknowledged.
  synthesized = synthesize({
    cfnValidation: true,
    declarations: {
      handlers: SAMPLE_HANDLERS,
      rules: [...EVENT_RULES, SAMPLE_RULE],
      schedules: [...SCHEDULES, SAMPLE_SCHEDULE],
    },
  });
});
afterAll(() => synthesized.dispose());

describe('cdk-nag AwsSolutions', () => {
  it('leaves no error or warning unacknowledged, nor does CloudFormation validation', () => {
    // Prepare
    const file = join(synthesized.outdir, 'validation-report.json');

    // Act
    const report = JSON.parse(readFileSync(file, 'utf8')) as ValidationReport;
    const findings = report.pluginReports.flatMap((plugin) =>
      plugin.violations.map((violation) => ({ plugin: plugin.pluginName, ...violation })),
    );

    // Assess
    expect(findings).toEqual([]);
  });

  it('fails the synth on a finding nobody acknowledged', () => {
    // Prepare
    const { outdir, dispose } = temporaryOutdir();
    const app = new App({ outdir, context: { stage: 'nag', 'aws:cdk:bundling-stacks': [] } });
    const { stateless } = buildPlatform(app);
    new Queue(stateless, 'Careless', { encryption: QueueEncryption.UNENCRYPTED });

    // Act
    const synth = () => app.synth();

    // Assess
    try {
      expect(synth).toThrow(/AwsSolutions-SQS2/);
    } finally {
      dispose();
    }
  });

  it('is acknowledged only for the reviewed rules, each with a reason', () => {
    // Prepare
    const reviewed = [
      'AwsSolutions-APIG3',
      'AwsSolutions-APIG4',
      // The people's user pool: no MFA yet, the Essentials plan (people-pool.ts says why).
      'AwsSolutions-COG2',
      'AwsSolutions-COG3',
      'AwsSolutions-COG4',
      'AwsSolutions-COG8',
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      'AwsSolutions-IAM5[Resource::*]',
      // The functions that serve large bodies write and sign any key of their one bucket
      // (grants.ts); the bucket's objects live a day, so it keeps no access log.
      'AwsSolutions-IAM5[Resource::LangSonProgress-test-Stateful:ExportsOutputFnGetAttLargeBodiesBucket9ADB9CA6Arn5B30A0A9/*]',
      'AwsSolutions-S1',
      'AwsSolutions-SQS3',
    ];

    // Act
    const found = acknowledgements(synthesized.app);

    // Assess
    expect([...found.keys()].sort()).toEqual(reviewed.sort());
    for (const [id, places] of found) {
      for (const { path, reason } of places)
        expect(reason.length, `${id} at ${path}`).toBeGreaterThan(60);
    }
  });

  it('is acknowledged for X-Ray wildcards on function roles only', () => {
    // Prepare
    const roles = [...synthesized.platform.stateless.functions.byName.values()].map(
      (fn) => fn.role.node.path,
    );

    // Act
    const places = acknowledgements(synthesized.app).get('AwsSolutions-IAM5[Resource::*]') ?? [];

    // Assess
    expect(places.map((place) => place.path).sort()).toEqual(roles.sort());
  });

  it('is acknowledged for APIG4 (no authorization) on public routes and pages only', () => {
    // Prepare
    const publicKeys = ALL_ROUTES.filter((route) => route.access === 'public').map(
      (route) => `${route.method} ${route.path}`,
    );
    const { methods } = synthesized.platform.stateless.api;

    // Act
    const places = acknowledgements(synthesized.app).get('AwsSolutions-APIG4') ?? [];

    // Assess
    expect(publicKeys.length).toBeGreaterThan(0);
    expect(places.map((place) => place.path).sort()).toEqual(
      publicKeys.map((key) => methods.get(key)?.node.path).sort(),
    );
  });
});
