/**
 * CloudFront adds this header, with a value generated at deploy time, to every request it sends to the API;
 * the API's authorizer refuses requests without it, so the execute-api address is no way around CloudFront's
 * cache, nor the web ACL when there is one. Lower case: API Gateway's identity source and the event's
 * `headers` use it so.
 */
export const originHeaderName = 'x-origin-verify';
