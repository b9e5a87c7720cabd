// What the Open311 services need: the pipeline's dependencies (intake) and the reader of cases by day.
import { dynamoDocumentClient } from '../../adapters/aws-clients.js';
import { CaseDayReader } from '../../adapters/dynamo/case-day-reader.js';
import { ENV, requireEnv } from '../../config.js';
import type { Dependencies } from '../dependencies.js';
import { dependencies } from '../wiring.js';

export interface Open311Dependencies extends Dependencies {
  days: CaseDayReader;
}

let cached: Open311Dependencies | undefined;

export function open311Dependencies(): Open311Dependencies {
  cached ??= { ...dependencies(), days: new CaseDayReader(dynamoDocumentClient(), requireEnv(ENV.table)) };
  return cached;
}
