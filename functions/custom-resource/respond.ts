/**
 * How a custom resource function answers CloudFormation, which waits at the event's pre-signed ResponseURL
 * (the seed, ../seed/custom-resource.ts, and the origin secret, ../origin-guard/secret-resource.ts).
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { CloudFormationCustomResourceResponse } from 'aws-lambda';

/** The response as CloudFormation's own cfn-response module sends it: a PUT with an empty Content-Type. */
export function putResponse(responseUrl: string, response: CloudFormationCustomResourceResponse): Promise<void> {
  const body = JSON.stringify(response);
  const url = new URL(responseUrl);
  const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: 'PUT',
        headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) },
        timeout: 10_000,
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode !== undefined && res.statusCode < 300
            ? resolve()
            : reject(new Error(`CloudFormation response was refused: HTTP ${res.statusCode}`)),
        );
      },
    );
    request.on('timeout', () => request.destroy(new Error('CloudFormation response timed out')));
    request.on('error', reject);
    request.end(body);
  });
}
