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

  it('lets the owning unit accept, resolve or return, and the caller close or reopen', () => {
    expect(canTransition('assigned', 'accepted')).toBe(true);
    expect(canTransition('dispatched_to_department', 'accepted')).toBe(true);
    expect(canTransition('accepted', 'resolved')).toBe(true);
    expect(canTransition('resolved', 'closed')).toBe(true);
    expect(canTransition('resolved', 'accepted')).toBe(true);
    expect(canTransition('closed', 'accepted')).toBe(false);
    expect(canTransition('dispatched_to_grid', 'accepted')).toBe(false);
    expect(canTransition('resolved', 'returned')).toBe(false);
  });

  it('routes a returned case again or makes it a dispute, never straight to a grid', () => {
    expect(canTransition('accepted', 'returned')).toBe(true);
    expect(canTransition('returned', 'dispatched_to_street')).toBe(true);
    expect(canTransition('returned', 'disputed')).toBe(true);
    expect(canTransition('returned', 'dispatched_to_grid')).toBe(false);
    expect(canTransition('disputed', 'dispatched_to_department')).toBe(true);
    expect(canTransition('disputed', 'returned')).toBe(false);
  });

  it('merges a duplicate while it is routed or worked, never once resolved or in dispute', () => {
    for (const status of ['received', 'triage_district', 'dispatched_to_street', 'triage_street', 'dispatched_to_grid', 'dispatched_to_department', 'assigned', 'accepted'] as const) {
      expect(canTransition(status, 'merged'), status).toBe(true);
    }
    for (const status of ['resolved', 'closed', 'disputed', 'returned'] as const) expect(canTransition(status, 'merged'), status).toBe(false);
  });

  it('ends merged and closed cases', () => {
    for (const status of CASE_STATUSES) {
      expect(canTransition('merged', status)).toBe(false);
      expect(canTransition('closed', status)).toBe(false);
    }
  });

  it('has a Chinese name for every status', () => {
    for (const status of CASE_STATUSES) expect(CASE_STATUS_NAMES[status]).toMatch(/[\u4e00-\u9fff]/);
  });
});
