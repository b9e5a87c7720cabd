// Re-routing a returned case (退单) at the district hop, on embedded DynamoDB: a grid's or community's
// return goes back through its street, which picks another community; a street's return goes to another
// street (or district triage); a department's to district triage; a second return makes a dispute the
// district rules on — never back and forth.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AwaitingDecisionQuery } from '../../shared/adapters/dynamo/awaiting-decision-query.js';
import type { IntakeRequest } from '../../shared/domain/intake-request.js';
import { assignToGrid } from '../../shared/services/assign-to-grid.js';
import { dispatchFromDistrict } from '../../shared/services/dispatch-from-district.js';
import { dispatchFromStreet } from '../../shared/services/dispatch-from-street.js';
import { intakeCase } from '../../shared/services/intake-case.js';
import { excludedByReturns } from '../../shared/services/routing-input.js';
import { decideDispute } from '../../shared/services/triage/decide-dispute.js';
import type { TriageDependencies } from '../../shared/services/triage/triage-dependencies.js';
import { returnTask } from '../../shared/services/work/resolve-and-return.js';
import { staff, startWorkHarness, type WorkHarness } from './work/work-harness.js';

let h: WorkHarness;
let triage: TriageDependencies;
beforeAll(async () => {
  h = await startWorkHarness();
  triage = { ...h.deps, awaiting: new AwaitingDecisionQuery(h.db, h.tableName) };
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  h.deps.queues.clear();
});

/** 丰乐北路 (大沙东社区) in the address; 横沙村 (横沙社区) in the content: the second choice if the first returns. */
const TWO_PLACES: IntakeRequest = { channel: 'phone', content: '丰乐北路口这堆垃圾其实是横沙村那边的人倒的，一直没人清', address: '黄埔区大沙街道丰乐北路' };

async function created(request: IntakeRequest): Promise<string> {
  const outcome = await intakeCase(h.deps, request);
  if (outcome.kind === 'key_reused') throw new Error('unexpected');
  return outcome.caseId;
}

/** Runs the queued hops of one case until nothing is left for it. */
async function drain(caseId: string): Promise<void> {
  const q = h.deps.queues;
  for (let guard = 0; guard < 10; guard++) {
    const d = q.district.findIndex((m) => m.caseId === caseId);
    if (d >= 0) {
      await dispatchFromDistrict(h.deps, q.district.splice(d, 1)[0]!);
      continue;
    }
    const s = q.street.findIndex((m) => m.caseId === caseId);
    if (s >= 0) {
      await dispatchFromStreet(h.deps, q.street.splice(s, 1)[0]!);
      continue;
    }
    const g = q.grid.findIndex((m) => m.caseId === caseId);
    if (g >= 0) {
      await assignToGrid(h.deps, q.grid.splice(g, 1)[0]!);
      continue;
    }
    return;
  }
}

async function returnedBy(caseId: string, unitCode: string, level: 'grid' | 'community' | 'street' | 'department', reason = '该地址不在本单位辖区内') {
  const outcome = await returnTask(h.work, { staff: staff(unitCode, level), caseId, body: { reasonCode: 'outside_jurisdiction', reason } });
  if (outcome.kind !== 'done') throw new Error(`return refused: ${outcome.code} ${outcome.message}`);
  return outcome.record;
}

const get = async (caseId: string) => (await h.deps.cases.get(caseId))!;
const events = async (caseId: string) => h.deps.cases.timeline(caseId);

describe('a first return', () => {
  it('by a grid: back through the same street, which picks another community, and the case reaches its grid', async () => {
    const caseId = await created(TWO_PLACES);
    await drain(caseId);
    const first = await get(caseId);
    expect(first.status).toBe('assigned');
    expect(first.jurisdiction.community?.name).toBe('大沙东社区');

    await returnedBy(caseId, first.jurisdiction.grid!.code, 'grid');
    expect(h.deps.queues.district).toEqual([{ caseId }]);
    await dispatchFromDistrict(h.deps, h.deps.queues.district.shift()!);
    const rerouted = await get(caseId);
    expect(rerouted.status).toBe('dispatched_to_street');
    expect(rerouted.owner).toMatchObject({ code: '440112005', level: 'street' });
    expect(rerouted.jurisdiction).toMatchObject({ street: { code: '440112005' }, community: null, grid: null });
    const last = (await events(caseId)).at(-1)!;
    expect(last).toMatchObject({ type: 'rerouted', unit: { code: '440112005', level: 'street' } });
    expect(last.reason).toContain('退回大沙街道重新分派村社，不再派大沙东社区');
    expect(h.deps.queues.street).toEqual([{ caseId, streetCode: '440112005' }]);

    await drain(caseId);
    const second = await get(caseId);
    expect(second.status).toBe('assigned');
    expect(second.jurisdiction.community?.name).toBe('横沙社区');
    const routed = (await events(caseId)).find((e) => e.type === 'routed_to_grid' && e.unit?.code.startsWith('440112005002'));
    expect(routed?.reason).toContain('已排除退单单位 大沙东社区(440112005001)');
  });

  it('by a grid when the street has no other community to offer: street triage', async () => {
    const caseId = await created({ channel: 'phone', content: '门口垃圾三天没人清运', address: '黄埔区大沙街道丰乐北路' });
    await drain(caseId);
    await returnedBy(caseId, (await get(caseId)).jurisdiction.grid!.code, 'grid');
    await drain(caseId);
    const record = await get(caseId);
    expect(record.status).toBe('triage_street');
    expect(record.owner).toMatchObject({ code: '440112005', level: 'street' });
  });

  it('by a street (from its triage): another street the text names, or district triage', async () => {
    const caseId = await created({ channel: 'web', content: '路口有人占道经营，文冲大街那一段最严重', address: '大沙街道' });
    await drain(caseId);
    expect((await get(caseId)).status).toBe('triage_street');
    await returnedBy(caseId, '440112005', 'street', '占道的位置在文冲大街，不属大沙街道');
    await dispatchFromDistrict(h.deps, h.deps.queues.district.shift()!);
    const record = await get(caseId);
    expect(record.status).toBe('dispatched_to_street');
    expect(record.jurisdiction.street?.name).toBe('文冲街道');
    const last = (await events(caseId)).at(-1)!;
    expect(last.type).toBe('rerouted');
    expect(last.reason).toContain('大沙街道(街镇)退单');

    const lonely = await created({ channel: 'web', content: '路口有人占道经营', address: '大沙街道' });
    await drain(lonely);
    await returnedBy(lonely, '440112005', 'street');
    await dispatchFromDistrict(h.deps, h.deps.queues.district.shift()!);
    const triaged = await get(lonely);
    expect(triaged.status).toBe('triage_district');
    expect(triaged.owner).toMatchObject({ code: '440112', level: 'district' });
    expect(triaged.jurisdiction.street).toBeNull();
    expect((await events(lonely)).at(-1)?.reason).toContain('已排除退单单位 大沙街道(440112005)');
  });

  it('by a department: district triage, not a street', async () => {
    const caseId = await created({ channel: 'phone', content: '南岗河这一段河水发黑发臭，还有死鱼' });
    await drain(caseId);
    const sent = await get(caseId);
    expect(sent.status).toBe('dispatched_to_department');
    expect(sent.owner.code).toBe('water-affairs');
    expect(h.deps.queues.department.find((m) => m.caseId === caseId)?.department).toBe('water-affairs');
    await returnedBy(caseId, 'water-affairs', 'department', '该河段由市管，不属区水务局');
    await dispatchFromDistrict(h.deps, h.deps.queues.district.shift()!);
    const record = await get(caseId);
    expect(record.status).toBe('triage_district');
    expect((await events(caseId)).at(-1)?.reason).toContain('没有其他部门负责此事');
  });
});

describe('a second return: a dispute (争议工单), never back and forth', () => {
  it('goes to the district, which rules; the ruling is on the timeline and the case goes on', async () => {
    const caseId = await created(TWO_PLACES);
    await drain(caseId);
    await returnedBy(caseId, (await get(caseId)).jurisdiction.grid!.code, 'grid');
    await drain(caseId);
    const secondGrid = (await get(caseId)).jurisdiction.grid!.code;
    expect(secondGrid.startsWith('440112005002')).toBe(true);
    await returnedBy(caseId, secondGrid, 'grid', '倒垃圾的地方在丰乐北路，不属横沙');
    await dispatchFromDistrict(h.deps, h.deps.queues.district.shift()!);

    const disputed = await get(caseId);
    expect(disputed.status).toBe('disputed');
    expect(disputed.owner).toMatchObject({ code: '440112', level: 'district' });
    const event = (await events(caseId)).at(-1)!;
    expect(event).toMatchObject({ type: 'disputed', unit: { code: '440112', level: 'district' } });
    expect(event.reason).toContain('已退单 2 次');
    expect(h.deps.queues.street.filter((m) => m.caseId === caseId)).toEqual([]);
    // a duplicate district message changes nothing
    await dispatchFromDistrict(h.deps, { caseId });
    expect((await get(caseId)).version).toBe(disputed.version);

    // the district lists it, and a supervisor rules
    const list = await triage.awaiting.casesAwaiting('440112', ['triage_district', 'disputed'], 50);
    expect(list.cases.map((c) => c.caseId)).toContain(caseId);
    const handler = staff('440112', 'district', 'handler');
    expect(await decideDispute(triage, handler, caseId, { streetCode: '440112005', note: '经核实属大沙' })).toMatchObject({ kind: 'refused', status: 403 });
    const supervisor = staff('440112', 'district', 'supervisor');
    const ruled = await decideDispute(triage, supervisor, caseId, { streetCode: '440112005', note: '经现场核实，垃圾点位于丰乐北路口，由大沙街道统筹处理' });
    expect(ruled).toMatchObject({ kind: 'done', replayed: false, record: { status: 'dispatched_to_street', owner: { code: '440112005' } } });
    if (ruled.kind !== 'done') throw new Error('refused');
    expect(ruled.event).toMatchObject({ type: 'dispute_decided', actor: { kind: 'unit', id: 'supervisor-440112', unit: { code: '440112', name: '黄埔区' } }, unit: { code: '440112005' } });
    expect(ruled.event.reason).toContain('区级裁定（曾退单：');
    expect(ruled.event.reason).toContain('由大沙街道(440112005)办理');
    expect(h.deps.queues.street).toEqual([{ caseId, streetCode: '440112005' }]);
    // a repeat of the ruling answers with it; another ruling is refused
    expect(await decideDispute(triage, supervisor, caseId, { streetCode: '440112005', note: '经现场核实，垃圾点位于丰乐北路口，由大沙街道统筹处理' })).toMatchObject({ kind: 'done', replayed: true });
    expect(await decideDispute(triage, supervisor, caseId, { streetCode: '440112006', note: '改派文冲' })).toMatchObject({ kind: 'refused', status: 409, code: 'not_disputed' });
    // the street still may not pick the two communities that returned it
    await drain(caseId);
    expect((await get(caseId)).status).toBe('triage_street');
  });

  it('a ruling may send the case to a department', async () => {
    const caseId = await created(TWO_PLACES);
    await drain(caseId);
    await returnedBy(caseId, (await get(caseId)).jurisdiction.grid!.code, 'grid');
    await drain(caseId);
    await returnedBy(caseId, (await get(caseId)).jurisdiction.grid!.code, 'grid');
    await drain(caseId);
    expect((await get(caseId)).status).toBe('disputed');
    const ruled = await decideDispute(triage, staff('440112', 'district', 'supervisor'), caseId, { departmentCode: 'urban-management', note: '垃圾清运由城管执法统筹' });
    expect(ruled).toMatchObject({ kind: 'done', record: { status: 'dispatched_to_department', owner: { code: 'urban-management', level: 'department' } } });
    expect(h.deps.queues.department.find((m) => m.caseId === caseId)?.department).toBe('urban-management');
  });
});

describe('what the router is told to leave out', () => {
  it('a grid return excludes its community too; every return stays excluded', () => {
    const at = '2026-11-23T02:00:00.000Z';
    expect(
      excludedByReturns({
        returns: [
          { unit: { code: '440112005001-02', name: 'g', level: 'grid' }, reasonCode: 'x', reason: 'x', at },
          { unit: { code: '440112006', name: 's', level: 'street' }, reasonCode: 'x', reason: 'x', at },
          { unit: { code: 'transport', name: 'd', level: 'department' }, reasonCode: 'x', reason: 'x', at },
        ],
      }),
    ).toEqual(['440112005001-02', '440112005001', '440112006', 'transport']);
    expect(excludedByReturns({})).toEqual([]);
  });
});
