// The stall sweep finds cases whose hop message was lost and sends it again, backing off, until the case
// moves or is marked stuck.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RESENDS } from '../../shared/domain/case-watch.js';
import { dispatchFromDistrict } from '../../shared/services/dispatch-from-district.js';
import { intakeCase } from '../../shared/services/intake-case.js';
import { resendStalledCases } from '../../shared/services/resend-stalled-cases.js';
import { startHarness, type Harness } from '../support/service-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const START = Date.parse('2026-11-23T02:00:00.000Z');
const at = (minutes: number) => h.setNow(new Date(START + minutes * 60_000).toISOString());
const sweep = () => resendStalledCases(h.deps);

async function caseWhoseFirstSendIsLost(): Promise<string> {
  h.deps.queues.failNext = 1;
  const outcome = await intakeCase(h.deps, { channel: 'phone', content: '黄埔区大沙街道丰乐北路 小区门口垃圾三天没人清运' });
  if (outcome.kind !== 'created') throw new Error('the case was not created');
  return outcome.caseId;
}

describe('the stall sweep', () => {
  it('re-sends a lost hop after the stall time, backs off, and stops once the case moves', async () => {
    at(0);
    const caseId = await caseWhoseFirstSendIsLost();
    expect(h.deps.queues.district).toEqual([]);

    at(4);
    expect(await sweep()).toMatchObject({ resent: 0 });
    at(6);
    expect(await sweep()).toMatchObject({ due: 1, resent: 1 });
    expect(h.deps.queues.district).toEqual([{ caseId }]);
    // backed off: the next look is 5 × 2 = 10 minutes after the last state change
    at(9);
    expect(await sweep()).toMatchObject({ due: 0, resent: 0 });
    at(11);
    expect(await sweep()).toMatchObject({ resent: 1 });
    expect(h.deps.queues.district).toHaveLength(2);

    // the district hop runs; the case is in transit again, with a fresh clock and no resends counted
    await dispatchFromDistrict(h.deps, { caseId });
    const moved = await h.deps.cases.get(caseId);
    expect(moved?.status).toBe('dispatched_to_street');
    expect(moved?.transitResends).toBeUndefined();
    expect(await sweep()).toMatchObject({ due: 0 });
    // its street message is lost too: 5 minutes later the sweep sends that one again
    h.deps.queues.street = [];
    at(17);
    expect(await sweep()).toMatchObject({ resent: 1 });
    expect(h.deps.queues.street).toEqual([{ caseId, streetCode: '440112005' }]);
    // no state change and no timeline event comes from a resend
    expect((await h.deps.cases.timeline(caseId)).map((e) => e.type)).toEqual(['received', 'classified', 'routed_to_street']);
  });

  it(`marks a case stuck after ${MAX_RESENDS} resends and then leaves it to an operator`, async () => {
    at(100);
    h.deps.queues.district = [];
    const caseId = await caseWhoseFirstSendIsLost();
    // (the first test's case, still in transit, is swept along and ends stuck too)
    let stuck = 0;
    for (let minutes = 100; minutes < 100 + 5 * 2 ** (MAX_RESENDS + 1); minutes += 5) {
      at(minutes);
      stuck += (await sweep()).markedStuck;
    }
    expect(stuck).toBe(2);
    // one send per back-off step, the last one as it was marked stuck; none after
    expect(h.deps.queues.district.filter((m) => m.caseId === caseId)).toHaveLength(MAX_RESENDS);
    expect((await h.deps.cases.get(caseId))?.transitResends).toBe(MAX_RESENDS);
    expect((await h.deps.cases.dueInTransit('2100-01-01T00:00:00.000Z')).map((c) => c.caseId)).not.toContain(caseId);
  });
});
