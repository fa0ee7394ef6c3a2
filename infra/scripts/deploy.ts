/**
 * `npm run deploy [-- -c key=value ...]`: checks AWS credentials, region and CDK bootstrap, builds the page,
 * deploys the stack and prints the site's URL. Extra arguments go to `cdk deploy` (context options:
 * infra/README.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stackName } from '../app-setup.ts';
import { checkAws, fail, projectRoot, run } from './run.ts';

const outputsFile = 'cdk.out/outputs.json';

const target = await checkAws({ requireBootstrap: true });
console.log(`Deploying ${stackName} to account ${target.account} in ${target.region} as ${target.caller}`);

// The seed Lambda only parses the schema; the full check (references, dates, neighbours) runs here, before
// anything is built or uploaded.
run('npm', ['run', 'data:check']);
run('npm', ['run', 'build']);
run('npx', [
  'cdk',
  'deploy',
  stackName,
  '--require-approval',
  'never',
  '--outputs-file',
  outputsFile,
  ...process.argv.slice(2),
]);

let outputs: Record<string, string> | undefined;
try {
  const all = JSON.parse(readFileSync(path.join(projectRoot, outputsFile), 'utf8')) as Record<string, Record<string, string>>;
  outputs = all[stackName];
} catch (error) {
  fail(`Deployed, but ${outputsFile} could not be read (${String(error)}); the outputs are in the CloudFormation console.`);
}
console.log(`
Deployed. The map:  ${outputs?.SiteUrl}
The API:            ${outputs?.ApiUrl}
The table:          ${outputs?.TableName}
${outputs?.DnsTarget ? `Point your domain at: ${outputs.DnsTarget}\n` : ''}A first deploy takes a few minutes more to reach every CloudFront edge. Remove everything with: npm run destroy`);
