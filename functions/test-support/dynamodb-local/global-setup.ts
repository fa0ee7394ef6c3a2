/**
 * vitest globalSetup for vitest.dynamodb-local.config.ts: one DynamoDB Local for the whole run, its endpoint
 * handed to the test files (which get it in place of dynalite, see ./embedded.ts).
 */
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbLocalEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dynamodb = await startDynamoDbLocal();
  process.stdout.write(`DynamoDB Local ${dynamodb.version} (AWS's emulator, Java) at ${dynamodb.endpoint}\n`);
  project.provide('dynamodbLocalEndpoint', dynamodb.endpoint);
  return () => dynamodb.close();
}
