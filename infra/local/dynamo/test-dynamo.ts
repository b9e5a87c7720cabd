// The DynamoDB the tests run against: dynalite in memory by default (starts in milliseconds), or AWS's
// DynamoDB Local when DYNAMO_ENGINE=dynamodb-local, so the same adapter tests run on both engines in CI.
import { startDynamoDbLocal } from './dynamodb-local.js';
import { startEmbeddedDynamo } from './embedded-dynamo.js';

export { localDynamoClient, localDynamoClientConfig } from './local-client.js';

export type DynamoEngine = 'dynalite' | 'dynamodb-local';

export interface TestDynamo {
  endpoint: string;
  engine: DynamoEngine;
  close(): Promise<void>;
}

/** The engine DYNAMO_ENGINE asks for ('dynalite' when unset); anything else is a mistake worth failing on. */
export function testDynamoEngine(env: NodeJS.ProcessEnv = process.env): DynamoEngine {
  const value = env.DYNAMO_ENGINE;
  if (value === undefined || value === '' || value === 'dynalite') return 'dynalite';
  if (value === 'dynamodb-local') return 'dynamodb-local';
  throw new Error(`DYNAMO_ENGINE must be 'dynalite' or 'dynamodb-local', not '${value}'`);
}

export async function startTestDynamo(): Promise<TestDynamo> {
  const engine = testDynamoEngine();
  const running = engine === 'dynamodb-local' ? await startDynamoDbLocal() : await startEmbeddedDynamo();
  return { endpoint: running.endpoint, engine, close: () => running.close() };
}
