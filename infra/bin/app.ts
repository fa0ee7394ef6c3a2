/**
 * The CDK app: configuration from context → the one stack → cdk-nag over everything. Wiring only.
 * Run by `npx cdk synth|deploy|destroy` (see cdk.json); `npm run deploy` builds the page first.
 */
import { App } from 'aws-cdk-lib';
import { readConfig } from '../config.ts';
import { addNagChecks, stackName } from '../app-setup.ts';
import { DashboardStack } from '../stacks/dashboard-stack.ts';
import { resolveSiteDir } from '../constructs/site-content.ts';

const app = new App();

new DashboardStack(app, stackName, {
  config: readConfig(app.node),
  siteDir: resolveSiteDir(),
  description: 'Afghanistan regional diplomacy map: DynamoDB, Lambda read API, HTTP API, S3 + CloudFront',
});

addNagChecks(app);
