// GET /triage?level=district|street&unit=<code>: the cases waiting for a person at that level, nearest
// deadline first, through the byOwner index (a case in triage is owned by the unit that must decide). The
// district's list also holds its disputes (争议工单), which the district decides as well.
// Who may look: staff of that unit, and district supervisors (who see every street's list).
import { InvalidCursorError } from '../../adapters/dynamo/awaiting-decision-query.js';
import type { CaseStatus } from '../../domain/case-status.js';
import { CASE_STATUS_NAMES } from '../../domain/case-status.js';
import type { TriageLevel } from '../../domain/routing/triage-requests.js';
import { redactPersonalData } from '../../security/mask.js';
import type { StaffIdentity } from '../../security/staff-identity.js';
import { invalidField, refuse, type DecisionRefusal } from './decision-outcome.js';
import type { TriageDependencies } from './triage-dependencies.js';

export const DEFAULT_TRIAGE_LIMIT = 50;
export const MAX_TRIAGE_LIMIT = 200;

const WAITING: Record<TriageLevel, readonly CaseStatus[]> = {
  district: ['triage_district', 'disputed'],
  street: ['triage_street'],
};

export interface TriageListItem {
  caseId: string;
  status: CaseStatus;
  statusName: string;
  content: string;
  address: string | null;
  location: unknown;
  category: { code: string; path: string[] };
  urgency: string;
  jurisdiction: unknown;
  /** why it waits: the router's reason (or the dispute's) from the last event */
  reason: string | null;
  confidence: number | null;
  returns: { unit: string; level: string; reason: string; at: string }[];
  deadlines: unknown;
  waitingSince: string;
}

export async function listAwaiting(
  deps: TriageDependencies,
  staff: StaffIdentity,
  query: { level: TriageLevel; unit?: string; limit: number; cursor?: string },
): Promise<{ level: TriageLevel; unit: { code: string; name: string }; cases: TriageListItem[]; next: string | null } | DecisionRefusal> {
  const unitCode = query.unit ?? staff.unit.code;
  const unit = query.level === 'district' ? (unitCode === deps.district.code ? deps.district : undefined) : deps.router.tree.get(unitCode);
  if (!unit || (query.level === 'street' && deps.router.tree.get(unitCode)?.level !== 'street')) {
    return invalidField('unit', `not a ${query.level} code of ${deps.district.name}`);
  }
  const ownUnit = staff.unit.code === unitCode;
  const districtSupervisor = staff.unit.code === deps.district.code && staff.role === 'supervisor';
  if (!ownUnit && !districtSupervisor) return refuse(403, 'forbidden', `only staff of ${unit.name} or a district supervisor may see this list`);
  let page;
  try {
    page = await deps.awaiting.casesAwaiting(unitCode, WAITING[query.level], query.limit, query.cursor);
  } catch (error) {
    if (error instanceof InvalidCursorError) return invalidField('cursor', error.message);
    throw error;
  }
  return {
    level: query.level,
    unit: { code: unit.code, name: unit.name },
    cases: page.cases.map((r) => ({
      caseId: r.caseId,
      status: r.status,
      statusName: CASE_STATUS_NAMES[r.status],
      content: redactPersonalData(r.content),
      address: r.address ? redactPersonalData(r.address) : null,
      location: r.location ?? null,
      category: { code: r.classification.category.code, path: r.classification.category.path },
      urgency: r.classification.urgency,
      jurisdiction: r.jurisdiction,
      reason: r.lastEvent.reason ?? null,
      confidence: r.lastEvent.confidence ?? null,
      returns: (r.returns ?? []).map((x) => ({ unit: x.unit.name, level: x.unit.level, reason: x.reason, at: x.at })),
      deadlines: r.deadlines,
      waitingSince: r.lastEvent.at,
    })),
    next: page.next ?? null,
  };
}
