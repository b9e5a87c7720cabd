// The real dependencies of the repeated-request sweep and the hot-spot alerts, made once per process.
import { dynamoDocumentClient } from '../../adapters/aws-clients.js';
import { CaseDayReader } from '../../adapters/dynamo/case-day-reader.js';
import { HotspotAlertStore } from '../../adapters/dynamo/hotspot-alert-store.js';
import { RecentCaseIndex } from '../../adapters/dynamo/recent-case-index.js';
import { SweepCursorStore } from '../../adapters/dynamo/sweep-cursor-store.js';
import { ENV, requireEnv } from '../../config.js';
import type { DuplicateSweepDependencies } from './find-duplicates.js';
import { workDependencies } from './work-wiring.js';

let cached: DuplicateSweepDependencies | undefined;

export function duplicateSweepDependencies(): DuplicateSweepDependencies {
  if (cached) return cached;
  const db = dynamoDocumentClient();
  const table = requireEnv(ENV.table);
  cached = {
    ...workDependencies(),
    days: new CaseDayReader(db, table),
    recentCases: new RecentCaseIndex(db, table),
    hotspots: new HotspotAlertStore(db, table),
    cursor: new SweepCursorStore(db, table),
  };
  return cached;
}
