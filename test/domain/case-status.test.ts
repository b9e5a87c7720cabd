import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, CASE_STATUS_NAMES, canTransition } from '../../shared/domain/case-status.js';

describe('case state machine', () => {
  it('goes down the tree one hop at a time', () => {
    expect(canTransition('received', 'dispatched_to_street')).toBe(true);
    expect(canTransition('dispatched_to_street', 'dispatched_to_grid')).toBe(true);
    expect(canTransition('dispatched_to_grid', 'assigned')).toBe(true);
    expect(canTransition('received', 'assigned')).toBe(false);
  });

  it('never goes backwards', () => {
    expect(canTransition('assigned', 'dispatched_to_grid')).toBe(false);
    expect(canTransition('dispatched_to_street', 'received')).toBe(false);
    expect(canTransition('dispatched_to_grid', 'dispatched_to_street')).toBe(false);
  });

  it('lets triage choose where the machine could not', () => {
    expect(canTransition('received', 'triage_district')).toBe(true);
    expect(canTransition('triage_district', 'dispatched_to_street')).toBe(true);
    expect(canTransition('triage_street', 'dispatched_to_grid')).toBe(true);
  });

  it('has a Chinese name for every status', () => {
    for (const status of CASE_STATUSES) expect(CASE_STATUS_NAMES[status]).toMatch(/[\u4e00-\u9fff]/);
  });
});
