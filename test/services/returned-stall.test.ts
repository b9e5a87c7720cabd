// A return (退单) queues the case for the district hop again. If that message is lost, the stall sweep
// must send it again, as it does for every other hop: a returned case is in transit, not parked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInTransit } from '../../shared/domain/case-watch.js';
import { assignToGrid } from '../../shared/services/assign-to-grid.js';
import { dispatchFromDistrict } from '../../shared/services/dispatch-from-district.js';
import { dispatchFromStreet } from '../../shared/services/dispatch-from-street.js';
import { intakeCase } from '../../shared/services/intake-case.js';
import { resendStalledCases } from '../../shared/services/resend-stalled-cases.js';
import { returnTask } from '../../shared/services/work/resolve-and-return.js';
import { staff, startWorkHarness, type WorkHarness } from './work/work-harness.js';

let h: WorkHarness;
beforeAll(async () => {
  h = await startWorkHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('a returned case whose district message is lost', () => {
  it('counts as in transit and is re-sent by the stall sweep after the stall time', async () => {
    expect(isInTransit('returned')).toBe(true);
    const start = Date.parse('2026-11-24T02:00:00.000Z');
    h.setNow(new Date(start).toISOString());
    const outcome = await intakeCase(h.deps, { channel: 'phone', content: '黄埔区大沙街道丰乐北路 小区门口垃圾三天没人清运' });
    if (outcome.kind !== 'created') throw new Error('not created');
    const { caseId } = outcome;
    const q = h.deps.queues;
    await dispatchFromDistrict(h.deps, q.district.shift()!);
    await dispatchFromStreet(h.deps, q.street.shift()!);
    await assignToGrid(h.deps, q.grid.shift()!);
    const assigned = (await h.deps.cases.get(caseId))!;
    expect(assigned.status).toBe('assigned');

    q.failNext = 1; // the return is stored, but its district message never reaches the queue
    const returning = returnTask(h.work, {
      staff: staff(assigned.jurisdiction.grid!.code, 'grid'),
      caseId,
      body: { reasonCode: 'outside_jurisdiction', reason: '该地址不在本网格' },
    });
    await expect(returning).rejects.toThrow('simulated SQS outage');
    expect((await h.deps.cases.get(caseId))?.status).toBe('returned');
    expect(q.district).toEqual([]);

    h.setNow(new Date(start + 6 * 60_000).toISOString());
    expect(await resendStalledCases(h.deps)).toMatchObject({ resent: 1 });
    expect(q.district).toEqual([{ caseId }]);
    await dispatchFromDistrict(h.deps, q.district.shift()!);
    expect((await h.deps.cases.get(caseId))?.status).toBe('dispatched_to_street');
  });
});
