// The single table's key schema, shared by the CDK stack, the local runtime and the tests.
//
// Items (PK / SK):
//   CASE#<caseId>  / CASE                 the case itself (status, classification, jurisdiction, deadlines, owner)
//   CASE#<caseId>  / EVT#<seq, 6 digits>  one timeline event per state change, in order
//   IDEMP#<key>    / IDEMP                an intake Idempotency-Key: which case it made (expires with TTL)
//   SEQ#<yyyymmdd> / SEQ                  the day's case-number counter
//   UNIT#<code>    / DAY#<yyyy-mm-dd>     a unit's daily figures (received …), kept by atomic counters
//   CASE#<caseId>  / PII                  marks a case that still holds personal data; in GSI3 as PII#<shard 0..3> /
//                                         <creation day>#<caseId> for the retention sweep (personal-data-store.ts);
//                                         deleted once the data expires
//
// Indexes:
//   GSI1 "byOwner":    GSI1PK = OWNER#<unitCode>      GSI1SK = <next deadline>#<caseId>   a unit's open cases by deadline
//   GSI2 "byDue":      GSI2PK = <watch>#<shard 0..3>  GSI2SK = <when to look>#<caseId>    when the sweeps must look at a
//                      case (shared/domain/case-watch.ts): TRANSIT# (in transit; the stall sweep re-sends its hop),
//                      DUE# (waiting on a unit; by its next deadline), STUCK# (given up on; for an operator).
//                      Sharded so no single partition takes every write.
//   GSI3 "byLevelDay": GSI3PK = FIGURES#<level>       GSI3SK = <yyyy-mm-dd>#<unitCode>    every unit of a level, by day
// Every status so far is open work; when cases can close (later work), closing drops their GSI1/GSI2 keys so
// those indexes hold only open work.

export const TABLE_KEYS = { partitionKey: 'PK', sortKey: 'SK' } as const;
export const TTL_ATTRIBUTE = 'expiresAt';

export const GSIS = [
  { indexName: 'byOwner', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
  { indexName: 'byDue', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  { indexName: 'byLevelDay', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
] as const;

export const DUE_SHARDS = 4;
