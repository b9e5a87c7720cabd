// The working half's real dependencies: the pipeline's (wiring.ts) plus the case-work repository, made
// once per process.
import { dynamoDocumentClient } from '../../adapters/aws-clients.js';
import { CaseWorkRepository } from '../../adapters/dynamo/case-work-repository.js';
import { SupportCallStore } from '../../adapters/dynamo/support-call-store.js';
import { ENV, requireEnv } from '../../config.js';
import { dependencies } from '../wiring.js';
import type { WorkDependencies } from './work-dependencies.js';

let cached: WorkDependencies | undefined;

export function workDependencies(): WorkDependencies {
  if (cached) return cached;
  const deps = dependencies();
  const db = dynamoDocumentClient();
  const table = requireEnv(ENV.table);
  cached = { ...deps, work: new CaseWorkRepository(db, table, deps.cases), supportCalls: new SupportCallStore(db, table) };
  return cached;
}
