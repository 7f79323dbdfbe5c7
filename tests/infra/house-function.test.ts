import { join } from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { HouseFunction, type HouseFunctionProps } from '#infra/cdk/constructs/house-function.ts';
import { REPO_ROOT } from '#infra/cdk/paths.ts';
import { HANDLERS } from '#shared/platform/handlers.ts';
import { temporaryOutdir } from './support/platform.ts';

// Asset staging writes into the app's output directory even when bundling is skipped.
const output = temporaryOutdir();
afterAll(() => output.dispose());

function build(overrides: Partial<HouseFunctionProps>) {
  const app = new App({ outdir: output.outdir, context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'Test');
  return () =>
    new HouseFunction(stack, 'fn', {
      entry: join(REPO_ROOT, HANDLERS.openApi.entry),
      description: 'A function',
      powertools: { serviceName: 's', metricsNamespace: 'N', logLevel: 'INFO' },
      ...overrides,
    });
}

describe('the house function', () => {
  it.each([
    [{ memoryMb: 64 }, /memoryMb must be an integer from 128 to 10240, got 64/],
    [{ memoryMb: 256.5 }, /memoryMb/],
    [{ timeout: Duration.minutes(16) }, /timeout must be from 1 s to 15 min/],
    [{ description: 'x'.repeat(257) }, /description must be at most 256 characters/],
  ])('refuses %o before building anything', (overrides, message) => {
    // Prepare
    const create = build(overrides);

    // Act
    const attempt = () => create();

    // Assess
    expect(attempt).toThrow(message);
  });

  it('accepts the declared sizes of every shared handler', () => {
    // Prepare
    const creates = Object.values(HANDLERS).map((declaration) =>
      build({
        memoryMb: declaration.memoryMb,
        timeout: Duration.seconds(declaration.timeoutSeconds),
        description: declaration.description,
      }),
    );

    // Act
    const attempts = creates.map((create) => () => create());

    // Assess
    for (const attempt of attempts) expect(attempt).not.toThrow();
  });
});
