/**
 * The CDK app (cdk.json: `npx tsx infra/cdk/app.ts`). Settings come from context:
 * `npx cdk synth -c stage=prod -c account=123456789012 -c region=ap-southeast-1`.
 * `cdk synth <stack>` bundles only the selected stack's functions.
 */
import { App } from 'aws-cdk-lib';
import { buildPlatform } from './platform.ts';

const app = new App();
buildPlatform(app);
app.synth();
