// Routing a returned case (退单) again, at the district hop. The task API's return action moved the case to
// 'returned', added the return to `returns` and queued it for the district; here:
//
//   first return, by a grid or a community → back through the street hop of the same street, which picks
//                                             another community (the returning one is excluded)
//   first return, by a street              → the district hop again without that street (or district triage)
//   first return, by a department          → another department that owns what the case is about, else
//                                             district triage (a person decides)
//   a second return (any unit)             → 争议工单: status 'disputed', owned by the district, which decides
//                                             (POST /disputes/{caseId}/decision); never back and forth
//
// Every unit that ever returned the case stays excluded (routing-input.ts).
import type { UnitRef } from '../domain/case.js';
import type { CaseRecord, CaseReturn } from '../domain/case-record.js';
import type { Dependencies } from './dependencies.js';
import { DISPUTE_AFTER_RETURNS } from '../domain/routing/return-policy.js';
import { lowConfidenceReason } from './triage-reason.js';
import { routingInput } from './routing-input.js';
import { moveToDepartment, moveToDispute, moveToStreet, moveToTriage } from './routing-moves.js';

const LEVEL_NAME: Record<string, string> = { grid: '网格', community: '村社', street: '街镇', department: '部门', district: '区' };

function describeReturn(r: CaseReturn): string {
  return `${r.unit.name}(${LEVEL_NAME[r.unit.level] ?? r.unit.level})退单：${r.reason}`;
}

export async function rerouteReturned(deps: Dependencies, record: CaseRecord): Promise<CaseRecord> {
  const at = deps.now().toISOString();
  const actor = { kind: 'unit' as const, id: 'district-dispatcher', unit: deps.district };
  const returns = record.returns ?? [];

  if (returns.length >= DISPUTE_AFTER_RETURNS) {
    const list = returns.map((r, n) => `第${n + 1}次 ${describeReturn(r)}`).join('；');
    return moveToDispute(deps, record, { at, actor, reason: `已退单 ${returns.length} 次（${list}），转区级裁定（争议工单），不再自动派单` });
  }

  const last = returns.at(-1);
  const why = last ? describeReturn(last) : '退单';
  const threshold = deps.router.autoDispatchConfidence;

  if (last && (last.unit.level === 'grid' || last.unit.level === 'community')) {
    const street = streetOf(deps, record, last);
    if (street) {
      const community = last.unit.level === 'grid' ? deps.router.tree.get(last.unit.code)?.parentCode : last.unit.code;
      const communityName = community ? (deps.router.tree.get(community)?.name ?? community) : last.unit.name;
      return moveToStreet(deps, record, street, { at, actor, type: 'rerouted', reason: `${why}；退回${street.name}重新分派村社，不再派${communityName}` });
    }
  }

  const decision = deps.router.pickStreet(routingInput(record));
  if (decision.department && decision.confidence >= threshold) {
    return moveToDepartment(deps, record, decision.department, { at, actor, confidence: decision.confidence, reason: `${why}；重新判断：${decision.reason}` });
  }
  if (last?.unit.level !== 'department' && decision.street && decision.confidence >= threshold) {
    return moveToStreet(deps, record, decision.street, { at, actor, type: 'rerouted', confidence: decision.confidence, reason: `${why}；重新判断：${decision.reason}` });
  }
  const lead = last?.unit.level === 'department' ? `${why}；没有其他部门负责此事，` : `${why}；`;
  return moveToTriage(deps, record, 'district', deps.district, { at, actor, confidence: decision.confidence, reason: `${lead}转区级人工分拨。${lowConfidenceReason(decision, threshold)}` });
}

/** The street a grid or community belongs to (from the tree; the case's own street as a fallback). */
function streetOf(deps: Dependencies, record: CaseRecord, r: CaseReturn): UnitRef | undefined {
  const path = deps.router.tree.path(r.unit.code);
  const street = path.find((n) => n.level === 'street');
  if (street) return { code: street.code, name: street.name };
  return record.jurisdiction.street ?? undefined;
}
