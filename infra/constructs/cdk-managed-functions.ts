import { CfnResource, RemovalPolicy, Stack, Validations, type IAspect } from 'aws-cdk-lib';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { IConstruct } from 'constructs';
import { functionDefaults } from './table-function.ts';

/**
 * The functions aws-cdk-lib adds by itself, one per stack, beside the constructs that ask for them
 * (BucketDeployment, a bucket's autoDeleteObjects): their findings and their logs, handled in one place.
 * An Aspect sees them wherever and whenever they were created; if aws-cdk-lib renames one, its cdk-nag
 * findings come back unacknowledged and the synth fails, which is the signal to revisit this file.
 */
export class CdkManagedFunctions implements IAspect {
  visit(node: IConstruct): void {
    if (node.node.scope !== undefined && node.node.scope === Stack.of(node)) {
      if (node.node.id.startsWith('Custom::CDKBucketDeployment')) this.bucketDeployment(node);
      else if (node.node.id === 'Custom::S3AutoDeleteObjectsCustomResourceProvider') this.autoDeleteObjects(node);
    }
  }

  private bucketDeployment(fn: IConstruct): void {
    Validations.of(fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        "The runtime of CDK's BucketDeployment function (Python, for the AWS CLI layer it runs) is chosen by aws-cdk-lib with no option to change it; it runs only during deployments, never on a request path.",
    });
  }

  /**
   * Empties the bucket on destroy. Give it a log group with retention too, or its first and only run (during
   * `cdk destroy`) would leave a log group behind that never expires.
   */
  private autoDeleteObjects(provider: IConstruct): void {
    const handler = provider.node.tryFindChild('Handler');
    if (!(handler instanceof CfnResource)) throw new Error(`${provider.node.path} has no Handler: revisit CdkManagedFunctions`);
    const logGroup = new LogGroup(provider, 'Logs', {
      retention: functionDefaults.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    handler.addPropertyOverride('LoggingConfig', { LogGroup: logGroup.logGroupName });
    Validations.of(provider).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "The role of CDK's autoDeleteObjects function, built by aws-cdk-lib without a way to pass our own role; the managed policy only lets it write its logs.",
    });
  }
}
