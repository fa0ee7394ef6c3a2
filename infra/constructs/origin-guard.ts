import { CustomResource, Duration } from 'aws-cdk-lib';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { Construct } from 'constructs';
import { originHeaderName } from '../../functions/origin-guard/origin-header.ts';
import { TableFunction } from './table-function.ts';

export interface OriginGuardProps {
  /** functions/origin-guard/secret-resource.ts */
  readonly secretEntry: string;
  /** functions/origin-guard/authorizer.ts */
  readonly authorizerEntry: string;
}

/**
 * CloudFront as the only way into the API. A secret is made once, when the stack is created (a custom
 * resource: free, where a Secrets Manager secret costs $0.40 a month and wants a rotation CloudFront could not
 * follow); CloudFront sends it as the `x-origin-verify` origin header; the HTTP API's authorizer lets through
 * only requests that carry it.
 *
 * A Lambda authorizer, not a disabled execute-api endpoint: disabling it needs an API Gateway custom domain
 * (a domain and a regional certificate) for CloudFront to reach the API at. With the header as the identity
 * source, API Gateway answers 401 to a request without it before invoking anything, and caches each answer
 * per header value for an hour, so the authorizer runs about once an hour for CloudFront's traffic and once
 * per distinct wrong value for a guessing flood; the API functions never run for either.
 */
export class OriginGuard extends Construct {
  readonly headerName = originHeaderName;
  /** The header's value, a token resolved by CloudFormation (`Fn::GetAtt` of the custom resource). */
  readonly secret: string;
  readonly authorizer: HttpLambdaAuthorizer;
  readonly authorizerFunction: TableFunction;

  constructor(scope: Construct, id: string, props: OriginGuardProps) {
    super(scope, id);

    const secretFunction = new TableFunction(this, 'SecretMaker', {
      entry: props.secretEntry,
      description: 'Makes the CloudFront origin header secret when the stack is created (CloudFormation custom resource)',
      memorySize: 128,
      timeout: Duration.seconds(30),
    });
    const secretResource = new CustomResource(this, 'Secret', {
      serviceToken: secretFunction.function.functionArn,
      resourceType: 'Custom::OriginSecret',
      serviceTimeout: Duration.minutes(2),
    });
    this.secret = secretResource.getAttString('Value');

    this.authorizerFunction = new TableFunction(this, 'Authorizer', {
      entry: props.authorizerEntry,
      description: `Authorizer of the read API: lets through requests carrying CloudFront's ${originHeaderName} header`,
      memorySize: 128,
      environment: { ORIGIN_SECRET: this.secret },
    });
    this.authorizer = new HttpLambdaAuthorizer('CloudFrontOriginHeader', this.authorizerFunction.function, {
      authorizerName: 'cloudfront-origin-header',
      identitySource: [`$request.header.${originHeaderName}`],
      responseTypes: [HttpLambdaResponseType.SIMPLE],
      resultsCacheTtl: Duration.hours(1),
    });
  }
}
