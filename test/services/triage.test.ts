// Triage (人工分拨) on embedded DynamoDB: the lists of cases waiting for a person (through the byOwner
// index), the district's choice of a street or department, the street's choice of a community and grid,
// who may decide, and the answers to repeats, stale requests and bad choices.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AwaitingDecisionQuery } from '../../shared/adapters/dynamo/awaiting-decision-query.js';
import type { IntakeRequest } from '../../shared/domain/intake-request.js';
import { assignToGrid } from '../../shared/services/assign-to-grid.js';
import { dispatchFromDistrict } from '../../shared/services/dispatch-from-district.js';
import { dispatchFromStreet } from '../../shared/services/dispatch-from-street.js';
import { intakeCase } from '../../shared/services/intake-case.js';
import { decideDistrictTriage, decideStreetTriage } from '../../shared/services/triage/decide-triage.js';
import { listAwaiting } from '../../shared/services/triage/list-awaiting.js';
import type { TriageDependencies } from '../../shared/services/triage/triage-dependencies.js';
import type { StaffIdentity } from '../../shared/security/staff-identity.js';
import { startHarness, type Harness } from '../support/service-harness.js';

let h: Harness;
let deps: TriageDependencies;
beforeAll(async () => {
  h = await startHarness();
  deps = { ...h.deps, awaiting: new AwaitingDecisionQuery(h.db, h.tableName) };
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  h.deps.queues.clear();
});

const person = (code: string, level: StaffIdentity['unit']['level'], role: StaffIdentity['role'] = 'handler'): StaffIdentity => ({ staffId: `${role}-${code}`, role, unit: { code, level } });
const DISTRICT_HANDLER = person('440112', 'district');
const DASHA_HANDLER = person('440112005', 'street');

const NO_PLACE: IntakeRequest = { channel: 'web', content: '家门口的路灯坏了好几天，晚上很黑，联系电话13800138000' };
const STREET_ONLY: IntakeRequest = { channel: 'web', content: '路边绿化带里堆满了建筑垃圾', address: '大沙街道' };

async function atTriage(request: IntakeRequest): Promise<string> {
  const outcome = await intakeCase(h.deps, request);
  if (outcome.kind === 'key_reused') throw new Error('unexpected');
  await dispatchFromDistrict(h.deps, { caseId: outcome.caseId });
  const street = h.deps.queues.street.find((m) => m.caseId === outcome.caseId);
  if (street) await dispatchFromStreet(h.deps, street);
  return outcome.caseId;
}

describe('district triage', () => {
  it('lists the cases waiting for the district, masked, with the router\'s reason', async () => {
    const caseId = await atTriage(NO_PLACE);
    const list = await listAwaiting(deps, DISTRICT_HANDLER, { level: 'district', limit: 50 });
    if ('kind' in list) throw new Error(list.message);
    const item = list.cases.find((c) => c.caseId === caseId);
    expect(item).toMatchObject({ status: 'triage_district', statusName: '待区级人工分拨', confidence: 0 });
    expect(item?.content).toContain('[电话]');
    expect(item?.content).not.toContain('13800138000');
    expect(item?.reason).toContain('文字未能判断街镇');
    expect(list.unit).toEqual({ code: '440112', name: '黄埔区' });
  });

  it('a district handler picks the street: the choice is on the timeline and the case goes on down the tree', async () => {
    const caseId = await atTriage(NO_PLACE);
    const outcome = await decideDistrictTriage(deps, DISTRICT_HANDLER, caseId, { streetCode: '440112006', note: '来电人补充说在文冲' });
    expect(outcome).toMatchObject({ kind: 'done', replayed: false, record: { status: 'dispatched_to_street', owner: { code: '440112006', level: 'street' } } });
    if (outcome.kind !== 'done') throw new Error('refused');
    expect(outcome.event).toMatchObject({ type: 'triage_decided', actor: { kind: 'unit', id: 'handler-440112', unit: { code: '440112', name: '黄埔区' } }, unit: { code: '440112006', name: '文冲街道', level: 'street' } });
    expect(outcome.event.reason).toBe('区级人工分拨：派至文冲街道(440112006)。说明：来电人补充说在文冲');
    expect(h.deps.queues.street).toEqual([{ caseId, streetCode: '440112006' }]);
    // the street hop runs as for any case: here it finds no community and asks the street
    await dispatchFromStreet(h.deps, h.deps.queues.street[0]!);
    expect((await h.deps.cases.get(caseId))?.status).toBe('triage_street');
    const list = await listAwaiting(deps, DISTRICT_HANDLER, { level: 'district', limit: 200 });
    if ('kind' in list) throw new Error(list.message);
    expect(list.cases.map((c) => c.caseId)).not.toContain(caseId);
  });

  it('may send the case to a department instead', async () => {
    const caseId = await atTriage(NO_PLACE);
    const outcome = await decideDistrictTriage(deps, DISTRICT_HANDLER, caseId, { departmentCode: 'urban-management' });
    expect(outcome).toMatchObject({ kind: 'done', record: { status: 'dispatched_to_department', owner: { code: 'urban-management' } } });
    expect(h.deps.queues.department.find((m) => m.caseId === caseId)).toMatchObject({ department: 'urban-management' });
  });

  it('answers a repeat with the decision made, refuses a different one, and refuses bad choices and other units', async () => {
    const caseId = await atTriage(NO_PLACE);
    await decideDistrictTriage(deps, DISTRICT_HANDLER, caseId, { streetCode: '440112005' });
    const version = (await h.deps.cases.get(caseId))!.version;
    const again = await decideDistrictTriage(deps, DISTRICT_HANDLER, caseId, { streetCode: '440112005' });
    expect(again).toMatchObject({ kind: 'done', replayed: true });
    expect((await h.deps.cases.get(caseId))!.version).toBe(version);
    expect(h.deps.queues.street.filter((m) => m.caseId === caseId)).toHaveLength(2); // the pending hop is sent again
    expect(await decideDistrictTriage(deps, DISTRICT_HANDLER, caseId, { streetCode: '440112006' })).toMatchObject({ kind: 'refused', status: 409, code: 'not_awaiting_triage' });

    const other = await atTriage(NO_PLACE);
    expect(await decideDistrictTriage(deps, DISTRICT_HANDLER, other, { streetCode: '440112099' })).toMatchObject({ kind: 'refused', status: 400, details: [{ field: 'streetCode' }] });
    expect(await decideDistrictTriage(deps, DASHA_HANDLER, other, { streetCode: '440112005' })).toMatchObject({ kind: 'refused', status: 403 });
    expect(await decideDistrictTriage(deps, DISTRICT_HANDLER, 'HP-20261123-999999', { streetCode: '440112005' })).toMatchObject({ kind: 'refused', status: 404 });
    expect(await decideDistrictTriage(deps, DISTRICT_HANDLER, 'not-a-case', { streetCode: '440112005' })).toMatchObject({ kind: 'refused', status: 404 });
    expect((await h.deps.cases.get(other))?.status).toBe('triage_district');
  });
});

describe('street triage', () => {
  it('lists the street\'s waiting cases to that street and to district supervisors only', async () => {
    const caseId = await atTriage(STREET_ONLY);
    expect((await h.deps.cases.get(caseId))?.status).toBe('triage_street');
    const own = await listAwaiting(deps, DASHA_HANDLER, { level: 'street', limit: 50 });
    if ('kind' in own) throw new Error(own.message);
    expect(own.cases.map((c) => c.caseId)).toContain(caseId);
    const supervisor = await listAwaiting(deps, person('440112', 'district', 'supervisor'), { level: 'street', unit: '440112005', limit: 50 });
    expect('kind' in supervisor).toBe(false);
    expect(await listAwaiting(deps, person('440112006', 'street'), { level: 'street', unit: '440112005', limit: 50 })).toMatchObject({ kind: 'refused', status: 403 });
    expect(await listAwaiting(deps, DASHA_HANDLER, { level: 'street', unit: '440112005001', limit: 50 })).toMatchObject({ kind: 'refused', status: 400 });
  });

  it('pages with a cursor, and refuses a cursor it did not give', async () => {
    await atTriage(STREET_ONLY);
    await atTriage(STREET_ONLY);
    const first = await listAwaiting(deps, DASHA_HANDLER, { level: 'street', limit: 1 });
    if ('kind' in first) throw new Error(first.message);
    expect(first.cases).toHaveLength(1);
    expect(first.next).toEqual(expect.any(String));
    const second = await listAwaiting(deps, DASHA_HANDLER, { level: 'street', limit: 1, cursor: first.next! });
    if ('kind' in second) throw new Error(second.message);
    expect(second.cases).toHaveLength(1);
    expect(second.cases[0]!.caseId).not.toBe(first.cases[0]!.caseId);
    expect(await listAwaiting(deps, DASHA_HANDLER, { level: 'street', limit: 1, cursor: 'bm90LWEtY3Vyc29y' })).toMatchObject({ kind: 'refused', status: 400, details: [{ field: 'cursor' }] });
  });

  it('the street picks the community; the router picks its grid; the case reaches the grid', async () => {
    const caseId = await atTriage(STREET_ONLY);
    const outcome = await decideStreetTriage(deps, DASHA_HANDLER, caseId, { communityCode: '440112005002' });
    expect(outcome).toMatchObject({ kind: 'done', record: { status: 'dispatched_to_grid', jurisdiction: { community: { code: '440112005002' }, grid: { code: '440112005002-01' } } } });
    if (outcome.kind !== 'done') throw new Error('refused');
    expect(outcome.event).toMatchObject({ type: 'triage_decided', unit: { code: '440112005002-01', level: 'grid' } });
    expect(outcome.event.reason).toContain('街镇人工分拨：派至横沙社区(440112005002)');
    expect(h.deps.queues.grid).toEqual([{ caseId, gridCode: '440112005002-01' }]);
    await assignToGrid(h.deps, h.deps.queues.grid[0]!);
    expect((await h.deps.cases.get(caseId))?.status).toBe('assigned');
  });

  it('the street may name the grid; a grid or community outside the street is refused; another street sees nothing', async () => {
    const caseId = await atTriage(STREET_ONLY);
    expect(await decideStreetTriage(deps, DASHA_HANDLER, caseId, { communityCode: '440112006001' })).toMatchObject({ kind: 'refused', status: 400, details: [{ field: 'communityCode' }] });
    expect(await decideStreetTriage(deps, DASHA_HANDLER, caseId, { communityCode: '440112005002', gridCode: '440112005001-01' })).toMatchObject({ kind: 'refused', status: 400, details: [{ field: 'gridCode' }] });
    expect(await decideStreetTriage(deps, person('440112006', 'street'), caseId, { communityCode: '440112005002' })).toMatchObject({ kind: 'refused', status: 404 });
    expect(await decideStreetTriage(deps, DISTRICT_HANDLER, caseId, { communityCode: '440112005002' })).toMatchObject({ kind: 'refused', status: 403 });
    const outcome = await decideStreetTriage(deps, DASHA_HANDLER, caseId, { communityCode: '440112005002', gridCode: '440112005002-03' });
    expect(outcome).toMatchObject({ kind: 'done', record: { jurisdiction: { grid: { code: '440112005002-03' } } } });
    expect(await decideStreetTriage(deps, DASHA_HANDLER, caseId, { communityCode: '440112005002', gridCode: '440112005002-03' })).toMatchObject({ kind: 'done', replayed: true });
    expect(await decideStreetTriage(deps, DASHA_HANDLER, caseId, { communityCode: '440112005003' })).toMatchObject({ kind: 'refused', status: 409 });
  });
});
