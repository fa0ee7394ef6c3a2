/**
 * infra/regions.json (from cfn-lint's region data, `npm run infra:regions`) must describe the stack as it is:
 * a new resource type fails here until the list is regenerated. And the preflight's refusal is one line.
 */
import { describe, expect, it } from 'vitest';
import { regionData, unsupportedRegion } from '../regions.ts';
import { stackResourceTypes } from '../scripts/regions.ts';

describe('the supported regions', () => {
  it("were computed for exactly the stack's resource types", () => {
    expect(regionData.resourceTypes).toEqual(stackResourceTypes());
  });

  it('include the usual regions and leave out those lacking HTTP API or CloudFront types', () => {
    expect(regionData.regions).toEqual(expect.arrayContaining(['us-east-1', 'eu-central-1', 'ap-southeast-1']));
    expect(regionData.lacking['ap-east-2']).toContain('AWS::ApiGatewayV2::Api');
    expect(regionData.lacking['us-gov-west-1']).toContain('AWS::CloudFront::Distribution');
    expect(regionData.lacking['cn-north-1']).toContain('AWS::CloudFront::OriginAccessControl');
  });

  it('the preflight accepts a listed region and refuses another in one line naming what lacks and where to go', () => {
    expect(unsupportedRegion('eu-central-1')).toBeUndefined();
    const refusal = unsupportedRegion('ap-southeast-6')!;
    expect(refusal).not.toContain('\n');
    expect(refusal).toMatch(/^ap-southeast-6 lacks AWS::ApiGatewayV2::Api, .*so nothing was changed; deploy to one of: .*eu-central-1.*\.$/);
    expect(unsupportedRegion('mars-north-1')).toMatch(/^mars-north-1 is not a region CloudFormation knows, .*us-east-1/);
  });
});
