import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';

/** The CloudFormation stack name; the deploy and destroy scripts and the README use it too. */
export const stackName = 'AfghanDiplomacyMap';

/**
 * cdk-nag's AWS Solutions pack on every synth, as a CDK policy-validation plugin: an unacknowledged error
 * fails the synth. Acknowledgements sit on the one construct they concern, each with its reason.
 */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
}
