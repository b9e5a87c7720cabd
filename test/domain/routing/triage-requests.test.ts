// What a person deciding a case's place may send.
import { describe, expect, it } from 'vitest';
import { disputeDecisionRequest, districtTriageRequest, streetTriageRequest } from '../../../shared/domain/routing/triage-requests.js';

describe('triage and dispute request bodies', () => {
  it('district triage: exactly one of a street code and a department code', () => {
    expect(districtTriageRequest.parse({ streetCode: '440112005' })).toEqual({ streetCode: '440112005' });
    expect(districtTriageRequest.parse({ departmentCode: 'transport', note: ' 属地铁 ' })).toEqual({ departmentCode: 'transport', note: '属地铁' });
    expect(districtTriageRequest.safeParse({}).success).toBe(false);
    expect(districtTriageRequest.safeParse({ streetCode: '440112005', departmentCode: 'transport' }).success).toBe(false);
    expect(districtTriageRequest.safeParse({ streetCode: '44011200' }).success).toBe(false);
    expect(districtTriageRequest.safeParse({ departmentCode: 'metro' }).success).toBe(false);
    expect(districtTriageRequest.safeParse({ streetCode: '440112005', extra: 1 }).success).toBe(false);
  });

  it('street triage: a community code and optionally a grid code', () => {
    expect(streetTriageRequest.parse({ communityCode: '440112005001', gridCode: '440112005001-02' })).toMatchObject({ gridCode: '440112005001-02' });
    expect(streetTriageRequest.safeParse({ communityCode: '440112005' }).success).toBe(false);
    expect(streetTriageRequest.safeParse({ communityCode: '440112005001', gridCode: '440112005001' }).success).toBe(false);
  });

  it('dispute decision: a street or a department, and a note of at least 2 characters without control characters', () => {
    expect(disputeDecisionRequest.parse({ streetCode: '440112006', note: '经核实属文冲' })).toEqual({ streetCode: '440112006', note: '经核实属文冲' });
    expect(disputeDecisionRequest.safeParse({ streetCode: '440112006' }).success).toBe(false);
    expect(disputeDecisionRequest.safeParse({ streetCode: '440112006', note: ' ' }).success).toBe(false);
    expect(disputeDecisionRequest.safeParse({ departmentCode: 'transport', note: 'a\u0007b' }).success).toBe(false);
  });
});
