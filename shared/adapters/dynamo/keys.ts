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

export const watchIndexKeys = (watch: { kind: 'transit' | 'deadline' | 'stuck'; at: string }, caseId: string) => ({
  GSI2PK: watchPartition(watch.kind, dueShard(caseId)),
  GSI2SK: `${watch.at}#${caseId}`,
});

export const levelDayIndexKeys = (level: string, date: string, unitCode: string) => ({
  GSI3PK: `FIGURES#${level}`,
  GSI3SK: `${date}#${unitCode}`,
});
