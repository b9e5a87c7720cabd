// Reads the whole table once (a test-only Scan: no request path scans) and checks what the fault-injection
// suite promises: every case settled with exactly one owner, each timeline with each transition once, and
// the figures equal to what the cases' own timelines say (the one counting rule, eventFigures, replayed).
import { DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { canTransition } from '../../../shared/domain/case-status.js';
import type { CaseRecord } from '../../../shared/domain/case-record.js';
import type { TimelineEvent } from '../../../shared/domain/timeline.js';
import { eventFigures } from '../../../shared/domain/figures/event-figures.js';
import { FIGURE_FIELDS } from '../../../shared/domain/figures/figure-names.js';

/** Where a routed case may come to rest, with the level of the unit that then owns it. */
export const SETTLED_OWNER_LEVEL: Record<string, string> = {
  assigned: 'grid',
  dispatched_to_department: 'department',
  triage_street: 'street',
  triage_district: 'district',
};

export interface TableSnapshot {
  cases: Map<string, CaseRecord & Record<string, unknown>>;
  events: Map<string, TimelineEvent[]>;
  /** `${unitCode}|${date}` → counters */
  figures: Map<string, Record<string, number>>;
  items: number;
}

export async function readTable(client: DynamoDBClient, tableName: string): Promise<TableSnapshot> {
  const db = DynamoDBDocumentClient.from(client);
  const snapshot: TableSnapshot = { cases: new Map(), events: new Map(), figures: new Map(), items: 0 };
  for await (const page of paginateScan({ client: db }, { TableName: tableName, ConsistentRead: true })) {
    for (const item of page.Items ?? []) {
      snapshot.items += 1;
      const pk = String(item.PK);
      const sk = String(item.SK);
      if (pk.startsWith('CASE#') && sk === 'CASE') snapshot.cases.set(pk.slice(5), item as CaseRecord & Record<string, unknown>);
      else if (pk.startsWith('CASE#') && sk.startsWith('EVT#')) {
        const list = snapshot.events.get(pk.slice(5)) ?? [];
        list.push(item as unknown as TimelineEvent);
        snapshot.events.set(pk.slice(5), list);
      } else if (pk.startsWith('UNIT#') && sk.startsWith('DAY#')) {
        const counts: Record<string, number> = {};
        for (const field of FIGURE_FIELDS) if (typeof item[field] === 'number' && item[field] !== 0) counts[field] = item[field] as number;
        snapshot.figures.set(`${pk.slice(5)}|${sk.slice(4)}`, counts);
      }
    }
  }
  for (const list of snapshot.events.values()) list.sort((a, b) => a.seq - b.seq);
  return snapshot;
}

export interface CaseProblem {
  caseId: string;
  problem: string;
}

/** Cases not at rest, or whose owner does not match where they rest (or is not the one the owner index holds). */
export function ownerProblems(snapshot: TableSnapshot): CaseProblem[] {
  const problems: CaseProblem[] = [];
  for (const [caseId, record] of snapshot.cases) {
    const level = SETTLED_OWNER_LEVEL[record.status];
    if (!level) {
      problems.push({ caseId, problem: `not at rest: ${record.status}` });
      continue;
    }
    if (record.owner.level !== level) problems.push({ caseId, problem: `${record.status} but owned by a ${record.owner.level}` });
    if (record.status === 'assigned' && record.owner.code !== record.jurisdiction.grid?.code) problems.push({ caseId, problem: 'owner is not its grid' });
    if (record.GSI1PK !== `OWNER#${record.owner.code}`) problems.push({ caseId, problem: `owner index says ${String(record.GSI1PK)}, owner is ${record.owner.code}` });
  }
  return problems;
}

/** Timelines with a gap, a repeat, a step the state machine forbids, or a transition recorded twice. */
export function timelineProblems(snapshot: TableSnapshot): { problems: CaseProblem[]; duplicatedTransitions: number } {
  const problems: CaseProblem[] = [];
  let duplicatedTransitions = 0;
  for (const [caseId, record] of snapshot.cases) {
    const events = snapshot.events.get(caseId) ?? [];
    const seqs = events.map((e) => e.seq);
    const expected = Array.from({ length: record.version }, (_, i) => i + 1);
    if (seqs.join() !== expected.join()) {
      problems.push({ caseId, problem: `events ${seqs.join(',')} for version ${record.version} (${record.status}, last event ${record.lastEvent.type})` });
    }
    const seen = new Map<string, number>();
    for (let i = 0; i < events.length; i++) {
      const event = events[i]!;
      const previous = events[i - 1];
      if (previous && previous.status !== event.status && !canTransition(previous.status, event.status)) {
        problems.push({ caseId, problem: `step ${previous.status} → ${event.status} at seq ${event.seq}` });
      }
      // a transition is the move into a status by an event type; in routing, each happens once per case
      if (previous && previous.status !== event.status) {
        const key = `${event.type}>${event.status}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    }
    for (const [key, count] of seen) {
      if (count > 1) {
        duplicatedTransitions += count - 1;
        problems.push({ caseId, problem: `transition ${key} recorded ${count} times` });
      }
    }
    if (events.at(-1) && events.at(-1)!.seq === record.version && events.at(-1)!.type !== record.lastEvent.type) {
      problems.push({ caseId, problem: 'last event differs from the case' });
    }
  }
  return { problems, duplicatedTransitions };
}

/** The figures every case's timeline says there should be, by the one counting rule. */
export function expectedFigures(snapshot: TableSnapshot): Map<string, Record<string, number>> {
  const expected = new Map<string, Record<string, number>>();
  for (const [caseId, record] of snapshot.cases) {
    let contacted = false;
    for (const event of snapshot.events.get(caseId) ?? []) {
      const firstContact = event.type === 'contacted' && !contacted;
      if (event.type === 'contacted') contacted = true;
      for (const increment of eventFigures(record, event, { firstContact })) {
        const key = `${increment.unit.code}|${increment.date}`;
        const counts = expected.get(key) ?? {};
        for (const [field, value] of Object.entries(increment.counts)) if (value) counts[field] = (counts[field] ?? 0) + value;
        expected.set(key, counts);
      }
    }
  }
  return expected;
}

/** Unit-days whose stored counters differ from the expected ones: `unit|day field: stored ≠ expected`. */
export function figureDifferences(snapshot: TableSnapshot): string[] {
  const expected = expectedFigures(snapshot);
  const differences: string[] = [];
  for (const key of new Set([...expected.keys(), ...snapshot.figures.keys()])) {
    const want = expected.get(key) ?? {};
    const have = snapshot.figures.get(key) ?? {};
    for (const field of new Set([...Object.keys(want), ...Object.keys(have)])) {
      if ((want[field] ?? 0) !== (have[field] ?? 0)) differences.push(`${key} ${field}: stored ${have[field] ?? 0}, cases say ${want[field] ?? 0}`);
    }
  }
  return differences;
}
