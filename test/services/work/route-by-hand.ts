// Moves a case taken in by intake to its grid (or, for a department category, its department) through the
// repository's own transitions: the routing hops are the routing work's, and the working half's tests do
// not depend on where the router would send a given text.
import type { CaseRepository } from '../../../shared/adapters/dynamo/case-repository.js';

export const DISTRICT = { code: '440112', name: '黄埔区' };
export const STREET = { code: '440112005', name: '大沙街道' };
export const COMMUNITY = { code: '440112005001', name: '大沙东社区' };
export const GRID = { code: '440112005001-01', name: '大沙东社区第一网格' };

export async function routeByHand(cases: CaseRepository, caseId: string, at: string): Promise<void> {
  const actor = { kind: 'system' as const, id: 'test-router' };
  type Request = Parameters<CaseRepository['transition']>[1];
  const step = async (to: Request['to'], changes: Request['changes'], type: Request['event']['type']) => {
    const record = await cases.get(caseId);
    if (!record) throw new Error(`no case ${caseId}`);
    const result = await cases.transition(record, { to, changes, event: { type, at, actor } }, at);
    if (!result.ok) throw new Error(`could not move ${caseId} to ${to}`);
  };
  const record = await cases.get(caseId);
  if (record!.classification.routeTo === 'department') {
    await step('dispatched_to_department', { owner: { ...record!.classification.department, level: 'department' } }, 'routed_to_department');
    return;
  }
  await step('dispatched_to_street', { jurisdiction: { district: DISTRICT, street: STREET, community: null, grid: null }, owner: { ...STREET, level: 'street' } }, 'routed_to_street');
  await step('dispatched_to_grid', { jurisdiction: { district: DISTRICT, street: STREET, community: COMMUNITY, grid: GRID }, owner: { ...GRID, level: 'grid' } }, 'routed_to_grid');
  await step('assigned', {}, 'assigned');
}
