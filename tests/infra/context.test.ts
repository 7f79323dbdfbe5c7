import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { ContextError, readContext } from '#infra/cdk/context.ts';
import { buildPlatform } from '#infra/cdk/platform.ts';
import { temporaryOutdir } from './support/platform.ts';

const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] };

// Every App claims an output directory; these share one, removed at the end.
const output = temporaryOutdir();
afterAll(() => output.dispose());

describe('context', () => {
  it('defaults to stage dev, INFO logs, the province’s sender and an environment-agnostic template', () => {
    // Prepare
    const app = new App({ outdir: output.outdir });

    // Act
    const context = readContext(app);

    // Assess
    expect(context).toEqual({
      stage: 'dev',
      logLevel: 'INFO',
      env: { account: undefined, region: undefined },
      mail: {
        from: 'no-reply@langson.gov.vn',
        sesIdentity: 'langson.gov.vn',
        publicBaseUrl: undefined,
      },
    });
  });

  it('reads the sender, its SES identity and the public address', () => {
    // Prepare
    const app = new App({
      outdir: output.outdir,
      context: {
        mailFrom: 'nhac-viec@vpubnd.langson.gov.vn',
        sesIdentity: 'nhac-viec@vpubnd.langson.gov.vn',
        publicBaseUrl: 'https://tiendo.langson.gov.vn',
      },
    });

    // Act
    const { mail } = readContext(app);

    // Assess
    expect(mail).toEqual({
      from: 'nhac-viec@vpubnd.langson.gov.vn',
      sesIdentity: 'nhac-viec@vpubnd.langson.gov.vn',
      publicBaseUrl: 'https://tiendo.langson.gov.vn',
    });
  });

  it('names the stacks and the API stage after the stage it is given', () => {
    // Prepare
    const app = new App({
      outdir: output.outdir,
      builtinCloudFormationValidation: false,
      context: { ...NO_BUNDLING, stage: 'prod', logLevel: 'WARN' },
    });

    // Act
    const { stateful, stateless } = buildPlatform(app);
    const template = Template.fromStack(stateless);

    // Assess
    expect(stateful.stackName).toBe('LangSonProgress-prod-Stateful');
    expect(stateless.stackName).toBe('LangSonProgress-prod-Stateless');
    template.hasResourceProperties('AWS::ApiGateway::Stage', { StageName: 'prod' });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { POWERTOOLS_LOG_LEVEL: 'WARN' } },
    });
  });

  it('deploys to the account and region it is given, and nowhere by default', () => {
    // Prepare
    const app = new App({
      outdir: output.outdir,
      context: { ...NO_BUNDLING, account: '123456789012', region: 'ap-southeast-1' },
    });

    // Act
    const { stateful, stateless } = buildPlatform(app);

    // Assess
    for (const stack of [stateful, stateless]) {
      expect(stack.account).toBe('123456789012');
      expect(stack.region).toBe('ap-southeast-1');
    }
  });

  it.each([
    [{ stage: 'Prod' }, /stage/],
    [{ stage: 'a' }, /stage/],
    [{ stage: 'prod;rm' }, /stage/],
    [{ account: '1234' }, /account/],
    [{ region: 'Asia' }, /region/],
    [{ logLevel: 'TRACE' }, /logLevel/],
    [{ mailFrom: 'not an address' }, /mailFrom/],
    [{ mailFrom: 'a@langson.gov.vn', sesIdentity: 'example.com' }, /not of the SES identity/],
    [{ publicBaseUrl: 'http://tiendo.langson.gov.vn' }, /publicBaseUrl/],
  ])('refuses %o', (context, message) => {
    // Prepare
    const app = new App({ outdir: output.outdir, context });

    // Act
    const read = () => readContext(app);

    // Assess
    expect(read).toThrow(ContextError);
    expect(read).toThrow(message);
  });
});
