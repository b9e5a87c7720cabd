// eventFigures: which arrival events count a case as received, and for whom.
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../shared/domain/case-record.js';
import { eventFigures } from '../../../shared/domain/figures/event-figures.js';
import type { TimelineEvent } from '../../../shared/domain/timeline.js';

const water = { code: 'water', name: '区水务局', level: 'department' };
const record = {
  owner: water,
  jurisdiction: { district: { code: '440112', name: '黄埔区' }, street: null, community: null, grid: null },
  classification: { department: { code: 'water', name: '区水务局' } },
  deadlines: {},
  createdAt: '2026-11-23T01:00:00.000Z',
} as unknown as CaseRecord;

const arrival = (type: TimelineEvent['type'], unit = water): TimelineEvent => ({
  seq: 4,
  type,
  at: '2026-11-23T02:00:00.000Z',
  actor: { kind: 'system', id: 'test' },
  status: 'dispatched_to_department',
  unit,
});

const received = (increments: ReturnType<typeof eventFigures>) => increments.filter((i) => i.counts.received === 1).map((i) => i.unit.code);

describe('a case arriving at a department', () => {
  it('counts as received by the department and the district, however it was sent there', () => {
    for (const type of ['routed_to_department', 'triage_decided', 'dispute_decided', 'rerouted'] as const) {
      expect(received(eventFigures(record, arrival(type))), type).toEqual(['water', '440112']);
    }
  });

  it('is not counted again by the district after a return', () => {
    const returnedOnce = { ...record, returns: [{ unit: { code: 'x', name: 'x', level: 'street' }, reasonCode: 'outside_jurisdiction', reason: '', at: '' }] } as CaseRecord;
    expect(received(eventFigures(returnedOnce, arrival('rerouted')))).toEqual(['water']);
  });

  it('counts nothing for a triage decision that sends the case to a street (its grid assignment counts it)', () => {
    expect(eventFigures(record, arrival('triage_decided', { code: '440112005', name: '大沙街道', level: 'street' }))).toEqual([]);
  });
});
