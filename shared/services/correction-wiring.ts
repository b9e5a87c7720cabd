// The correction API's real dependencies: the working half's (work-wiring.ts) plus the correction store.
import { dynamoDocumentClient } from '../adapters/aws-clients.js';
import { ClassificationCorrectionStore } from '../adapters/dynamo/classification-correction-store.js';
import { ENV, requireEnv } from '../config.js';
import type { CorrectionDependencies } from './correct-classification.js';
import { workDependencies } from './work/work-wiring.js';

let cached: CorrectionDependencies | undefined;

export function correctionDependencies(): CorrectionDependencies {
  cached ??= { ...workDependencies(), corrections: new ClassificationCorrectionStore(dynamoDocumentClient(), requireEnv(ENV.table)) };
  return cached;
}
