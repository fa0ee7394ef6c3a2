import { Aws, CfnRule, Fn } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface RateLimitProps {
  /** Requests one IP address may make in any 5 minutes before its further requests get 403. */
  readonly limitPer5Minutes: number;
}

/**
 * The opt-in `wafRateLimit` option: a WAF web ACL with one rate-based rule per client IP, on the
 * distribution. CloudFront only takes web ACLs made in us-east-1, so a template rule refuses the deploy in
 * any other region before anything is created (infra/README.md says what to do there).
 * Metrics on, sampled requests off: samples would keep viewers' IP addresses and headers.
 */
export class RateLimit extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: RateLimitProps) {
    super(scope, id);

    new CfnRule(this, 'OnlyInUsEast1', {
      assertions: [
        {
          assert: Fn.conditionEquals(Aws.REGION, 'us-east-1'),
          assertDescription:
            "wafRateLimit needs the stack in us-east-1: CloudFront only uses web ACLs made there. Deploy to us-east-1, or leave the option out (infra/README.md, 'Options').",
        },
      ],
    });

    const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: false,
    });
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      description: `At most ${props.limitPer5Minutes} requests per client IP in any 5 minutes`,
      visibilityConfig: visibility('afghan-diplomacy-map'),
      rules: [
        {
          name: 'rate-per-ip',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: { limit: props.limitPer5Minutes, aggregateKeyType: 'IP', evaluationWindowSec: 300 },
          },
          visibilityConfig: visibility('afghan-diplomacy-map-rate-per-ip'),
        },
      ],
    });
  }
}
