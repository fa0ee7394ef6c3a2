/**
 * What every handler needs, and how a Lambda function gets it: configuration read once at cold start, one
 * DynamoDB client per container (module scope), reused by every invocation.
 */
import { createDynamoDbClient } from '../adapters/dynamodb/client.ts';
import { DynamoDbDiplomacyStore } from '../adapters/dynamodb/dynamodb-store.ts';
import type { ApiHandler } from '../http/route-group-handler.ts';
import type { RequestLogger } from '../http/log.ts';
import type { DiplomacyStore } from '../store/diplomacy-store.ts';

export interface HandlerDependencies {
  readonly store: DiplomacyStore;
  /** Defaults to one JSON line per request on stdout. */
  readonly log?: RequestLogger;
}

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

export function dependenciesFromEnvironment(env: NodeJS.ProcessEnv = process.env): HandlerDependencies {
  const tableName = env.TABLE_NAME;
  if (!tableName) throw new ConfigurationError('TABLE_NAME must name the DynamoDB table');
  const endpoint = env.DYNAMODB_ENDPOINT || undefined;
  return { store: new DynamoDbDiplomacyStore(createDynamoDbClient({ endpoint }), tableName) };
}

/**
 * The `handler` export of each function module, built at module scope. In Lambda a missing setting fails
 * the cold start (fail fast). Tests and the local stack import the same modules for `makeHandler` without
 * Lambda's environment; there the configuration error surfaces only if `handler` itself is called.
 */
export function lambdaHandler(makeHandler: (dependencies: HandlerDependencies) => ApiHandler): ApiHandler {
  let dependencies: HandlerDependencies;
  try {
    dependencies = dependenciesFromEnvironment();
  } catch (error) {
    if (process.env.AWS_LAMBDA_FUNCTION_NAME !== undefined) throw error;
    return () => Promise.reject(error);
  }
  return makeHandler(dependencies);
}
