/**
 * `npm run destroy [-- -c key=value ...]`: checks AWS credentials and region, says what goes, and runs
 * `cdk destroy --force`. What stays behind is decided by the template deployed last, not by this run.
 */
import { stackName } from '../app-setup.ts';
import { checkAws, run } from './run.ts';

const target = await checkAws({ requireBootstrap: false });
console.log(`Destroying ${stackName} in account ${target.account}, ${target.region}, as ${target.caller}.

This removes: the CloudFront distribution (disabling it takes several minutes), the site bucket and the page,
the HTTP API, the Lambda functions and their log groups, the DynamoDB table and its data, and the budget if
one was set. If the stack was deployed with retainData=true, the table and the site bucket stay (delete them
in the console when you are done with them). The CDK bootstrap stack (CDKToolkit) and the uploaded assets in
its bucket stay too; they may serve other CDK apps in this account.`);

run('npx', ['cdk', 'destroy', stackName, '--force', ...process.argv.slice(2)]);
console.log(`\n${stackName} is gone.`);
