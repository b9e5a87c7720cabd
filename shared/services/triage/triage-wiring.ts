// The real triage dependencies, made once per process.
import { dynamoDocumentClient } from '../../adapters/aws-clients.js';
import { AwaitingDecisionQuery } from '../../adapters/dynamo/awaiting-decision-query.js';
import { ENV, requireEnv } from '../../config.js';
import { dependencies } from '../wiring.js';
import type { TriageDependencies } from './triage-dependencies.js';

let cached: TriageDependencies | undefined;

export function triageDependencies(): TriageDependencies {
  cached ??= { ...dependencies(), awaiting: new AwaitingDecisionQuery(dynamoDocumentClient(), requireEnv(ENV.table)) };
  return cached;
}
