// Key builders for the single table (see table-schema.ts for the layout).
import { createHash } from 'node:crypto';
import { DUE_SHARDS } from './table-schema.js';

export const caseKey = (caseId: string) => ({ PK: `CASE#${caseId}`, SK: 'CASE' });
export const eventKey = (caseId: string, seq: number) => ({ PK: `CASE#${caseId}`, SK: `EVT#${String(seq).padStart(6, '0')}` });
export const EVENT_SK_PREFIX = 'EVT#';
export const idempotencyKey = (key: string) => ({ PK: `IDEMP#${key}`, SK: 'IDEMP' });
export const sequenceKey = (dayKey: string) => ({ PK: `SEQ#${dayKey}`, SK: 'SEQ' });
export const figuresKey = (unitCode: string, date: string) => ({ PK: `UNIT#${unitCode}`, SK: `DAY#${date}` });

export const ownerPartition = (unitCode: string) => `OWNER#${unitCode}`;

export const ownerIndexKeys = (unitCode: string, deadline: string, caseId: string) => ({
  GSI1PK: ownerPartition(unitCode),
  GSI1SK: `${deadline}#${caseId}`,
});

export function dueShard(caseId: string): number {
  return createHash('sha1').update(caseId).digest()[0]! % DUE_SHARDS;
}

/** The byDue index: TRANSIT#, DUE# or STUCK# partitions (see case-watch.ts), sorted by when to look. */
export const watchPartition = (kind: 'transit' | 'deadline' | 'stuck', shard: number) => `${{ transit: 'TRANSIT', deadline: 'DUE', stuck: 'STUCK' }[kind]}#${shard}`;

export function watchIndexKeys(watch: { kind: 'transit' | 'deadline' | 'stuck'; at: string }, caseId: string): { GSI2PK: string; GSI2SK: string };
/** null (nothing to watch): both keys undefined, i.e. the case leaves the byDue index */
export function watchIndexKeys(watch: { kind: 'transit' | 'deadline' | 'stuck'; at: string } | null, caseId: string): { GSI2PK: string | undefined; GSI2SK: string | undefined };
export function watchIndexKeys(watch: { kind: 'transit' | 'deadline' | 'stuck'; at: string } | null, caseId: string) {
  if (!watch) return { GSI2PK: undefined, GSI2SK: undefined };
  return { GSI2PK: watchPartition(watch.kind, dueShard(caseId)), GSI2SK: `${watch.at}#${caseId}` };
}

export const levelDayIndexKeys = (level: string, date: string, unitCode: string) => ({
  GSI3PK: `FIGURES#${level}`,
  GSI3SK: `${date}#${unitCode}`,
});

/** Marks that a case's event (by seq) was counted in the figures: kept with the case, never indexed. */
export const countedEventKey = (caseId: string, seq: number) => ({ PK: `CASE#${caseId}`, SK: `COUNTED#${String(seq).padStart(6, '0')}` });

/** A unit's overdue-now board: the set of its cases past a deadline (one item per unit). */
export const overdueBoardKey = (unitCode: string) => ({ PK: `UNIT#${unitCode}`, SK: 'OVERDUE' });
export const overdueLevelIndexKeys = (level: string, unitCode: string) => ({ GSI3PK: `OVERDUE#${level}`, GSI3SK: unitCode });

/** A deadline watched apart from the case's own clocks (e.g. a department's answer to a call for support). */
export const deadlineWatchKey = (caseId: string, kind: string, key: string) => ({ PK: `CASE#${caseId}`, SK: `WATCH#${kind}#${key}` });

/** A call for support (呼) on a case, as the called department's list shows it (support-call-store.ts). */
export const supportCallKey = (caseId: string, departmentCode: string) => ({ PK: `CASE#${caseId}`, SK: `CALL#${departmentCode}` });
/** The byOwner partition of a department's open calls for support (apart from the cases it holds). */
export const supportCallsPartition = (departmentCode: string) => `CALLS#${departmentCode}`;

/** A case's personal-data marker: it holds the case in the retention sweep's index until its data expires. */
export const personalDataKey = (caseId: string) => ({ PK: `CASE#${caseId}`, SK: 'PII' });
/** In byLevelDay (GSI3): `PII#<shard>`, sorted by Beijing creation day, so one Query per shard finds every due case. */
export const personalDataPartition = (shard: number) => `PII#${shard}`;
export const personalDataIndexKeys = (createdDay: string, caseId: string) => ({ GSI3PK: personalDataPartition(dueShard(caseId)), GSI3SK: `${createdDay}#${caseId}` });

/** Recent cases of one category in one place, for repeated requests and hot spots (recent-case-index.ts). */
export const recentCasePartition = (place: string, category: string) => `RECENT#${place}#${category}`;
/** A unit's hot-spot alerts (hotspot-alert-store.ts): one item per community and category. */
export const hotspotAlertKey = (unitCode: string, place: string, category: string) => ({ PK: `ALERTS#${unitCode}`, SK: `HOT#${place}#${category}` });
/** Where the repeated-request sweep has got to (the last case number it looked at, per Beijing day). */
export const duplicateSweepCursorKey = () => ({ PK: 'CURSOR#duplicates', SK: 'CURSOR' });
