/**
 * A CloudFormation custom resource whose one attribute, `Value`, is a random secret made when the stack is
 * created: CloudFront sends it as the origin header, the authorizer expects it. CloudFormation keeps the
 * attribute (NoEcho: not shown by describe calls or in the console's outputs) and hands the same value to
 * every later deploy, since the resource's properties never change. Free, unlike a Secrets Manager secret
 * ($0.40 a month); it protects the API from the public, not from people who can read the account's
 * CloudFront or Lambda configuration.
 *
 * An Update (only if someone changes the resource) makes a new value, which reaches CloudFront and the
 * authorizer in the same deploy; requests through edges not yet updated get 403 until CloudFront has
 * propagated (a few minutes).
 */
import { randomBytes } from 'node:crypto';
import type { CloudFormationCustomResourceEvent, CloudFormationCustomResourceResponse } from 'aws-lambda';
import { putResponse } from '../custom-resource/respond.ts';

export interface SecretResourceDeps {
  readonly respond: (responseUrl: string, response: CloudFormationCustomResourceResponse) => Promise<void>;
  readonly newSecret: () => string;
}

/** 32 random bytes as base64url: 43 characters, valid in an HTTP header value. */
export const newOriginSecret = (): string => randomBytes(32).toString('base64url');

export function makeHandler(deps: SecretResourceDeps) {
  return async function handler(event: CloudFormationCustomResourceEvent): Promise<CloudFormationCustomResourceResponse> {
    const common = {
      PhysicalResourceId: event.RequestType === 'Create' ? `${event.LogicalResourceId}-origin-secret` : event.PhysicalResourceId,
      StackId: event.StackId,
      RequestId: event.RequestId,
      LogicalResourceId: event.LogicalResourceId,
    };
    const response: CloudFormationCustomResourceResponse =
      event.RequestType === 'Delete'
        ? { ...common, Status: 'SUCCESS' }
        : { ...common, Status: 'SUCCESS', NoEcho: true, Data: { Value: deps.newSecret() } };
    await deps.respond(event.ResponseURL, response);
    console.log(JSON.stringify({ message: `origin secret: ${event.RequestType.toLowerCase()} answered` }));
    return { ...response, ...(response.Data ? { Data: { Value: '(hidden)' } } : {}) };
  };
}

export const handler = makeHandler({ respond: putResponse, newSecret: newOriginSecret });
