// The repeated-request sweep on embedded DynamoDB: proposals, hot-spot alerts, the cursor, and repeats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDayReader } from '../../../shared/adapters/dynamo/case-day-reader.js';
import { HotspotAlertStore } from '../../../shared/adapters/dynamo/hotspot-alert-store.js';
import { RecentCaseIndex } from '../../../shared/adapters/dynamo/recent-case-index.js';
import { SweepCursorStore } from '../../../shared/adapters/dynamo/sweep-cursor-store.js';
import { HOTSPOT_THRESHOLD } from '../../../shared/domain/work/duplicates.js';
import { sweepForDuplicates, type DuplicateSweepDependencies } from '../../../shared/services/work/find-duplicates.js';
import { hotspotAlerts } from '../../../shared/services/work/hotspot-alerts.js';
import { readTask } from '../../../shared/services/work/list-tasks.js';
import { caseAtItsUnit, GRID, GRID_REQUEST, staff, startWorkHarness, STREET, type WorkHarness } from './work-harness.js';

let h: WorkHarness;
let deps: DuplicateSweepDependencies;
beforeAll(async () => {
  h = await startWorkHarness();
  deps = {
    ...h.work,
    days: new CaseDayReader(h.db, h.tableName),
    recentCases: new RecentCaseIndex(h.db, h.tableName),
    hotspots: new HotspotAlertStore(h.db, h.tableName),
    cursor: new SweepCursorStore(h.db, h.tableName),
  };
});
afterAll(async () => {
  await h?.close();
});

const PHRASES = ['丰乐北路小区门口垃圾三天没人清运', '丰乐北路小区门口的垃圾堆了好几天没人来清理', '小区门口垃圾没人清运，丰乐北路这边很臭', '丰乐北路垃圾又没人收了，小区门口全是', '丰乐北路小区门口垃圾清运不及时'];

describe('the repeated-request sweep', () => {
  it('looks at each case once a minute after intake, proposes look-alikes, and raises a hot spot at the threshold', async () => {
    h.setNow('2026-11-23T02:00:00.000Z');
    const first = await caseAtItsUnit(h, { ...GRID_REQUEST, content: `黄埔区大沙街道${PHRASES[0]}` });
    // too young: nothing looked at, the cursor stays before it
    expect(await sweepForDuplicates(deps)).toEqual({ looked: 0, proposed: 0, hotspots: 0 });
    h.setNow('2026-11-23T02:05:00.000Z');
    expect(await sweepForDuplicates(deps)).toEqual({ looked: 1, proposed: 0, hotspots: 0 });

    const later = [];
    for (let i = 1; i < HOTSPOT_THRESHOLD; i++) {
      h.setNow(`2026-11-23T0${2 + i}:00:00.000Z`);
      later.push(await caseAtItsUnit(h, { ...GRID_REQUEST, content: `黄埔区大沙街道${PHRASES[i]}` }));
    }
    h.setNow('2026-11-23T08:00:00.000Z');
    const summary = await sweepForDuplicates(deps);
    expect(summary.looked).toBe(HOTSPOT_THRESHOLD - 1);
    expect(summary.proposed).toBeGreaterThanOrEqual(1);
    expect(summary.hotspots).toBe(1);

    const second = await readTask(h.work, staff(GRID.code, 'grid'), later[0]!.caseId);
    if ('kind' in second) throw new Error('refused');
    expect(second.duplicateCandidates.map((c) => c.caseId)).toContain(first.caseId);

    const alerts = await hotspotAlerts(deps, staff(STREET.code, 'street', 'supervisor'), undefined);
    if ('kind' in alerts) throw new Error('refused');
    expect(alerts.alerts).toEqual([expect.objectContaining({ community: { code: '440112005001', name: '大沙东社区' }, count: HOTSPOT_THRESHOLD, category: { code: 'urban-management/sanitation', name: expect.any(String) } })]);
    expect(alerts.alerts[0]!.caseIds).toHaveLength(HOTSPOT_THRESHOLD);
    const district = await hotspotAlerts(deps, staff('440112', 'district', 'supervisor'), undefined);
    expect(district).toMatchObject({ alerts: [expect.objectContaining({ count: HOTSPOT_THRESHOLD })] });
    // a grid handler sees no street alerts
    expect(await hotspotAlerts(deps, staff(GRID.code, 'grid'), STREET.code)).toMatchObject({ status: 403 });

    // a second run finds nothing new; a rewind of the cursor writes the same things again
    expect(await sweepForDuplicates(deps)).toEqual({ looked: 0, proposed: 0, hotspots: 0 });
    await deps.cursor.save({ day: '20261123', number: 0 });
    await sweepForDuplicates(deps);
    const again = await hotspotAlerts(deps, staff(STREET.code, 'street', 'supervisor'), undefined);
    expect(again).toMatchObject({ alerts: [expect.objectContaining({ count: HOTSPOT_THRESHOLD, raisedAt: alerts.alerts[0]!.raisedAt })] });

    // a week later the alert has lapsed
    h.setNow('2026-12-05T08:00:00.000Z');
    expect(await hotspotAlerts(deps, staff(STREET.code, 'street', 'supervisor'), undefined)).toMatchObject({ alerts: [] });
  });

  it('moves on to the next day once a day is done', async () => {
    h.setNow('2026-11-24T02:00:00.000Z');
    const next = await caseAtItsUnit(h, { ...GRID_REQUEST, content: '黄埔区大沙街道丰乐北路路灯不亮了' });
    expect(next.caseId).toMatch(/^HP-20261124-/);
    h.setNow('2026-11-24T03:00:00.000Z');
    expect((await sweepForDuplicates(deps)).looked).toBe(1);
    expect(await deps.cursor.get()).toEqual({ day: '20261124', number: 1 });
  });
});
