// The answer of a person's routing decision (triage, dispute ruling): the case as it is now and the event
// the decision made, or a refusal with its HTTP status; and who decided, as timeline events show it.
import type { CaseRecord } from '../../domain/case-record.js';
import type { TimelineEvent } from '../../domain/timeline.js';
import type { StaffIdentity } from '../../security/staff-identity.js';
import type { Dependencies } from '../dependencies.js';

export type DecisionRefusal = { kind: 'refused'; status: 400 | 403 | 404 | 409; code: string; message: string; details?: { field: string; message: string }[] };
export type DecisionOutcome = { kind: 'done'; record: CaseRecord; event: TimelineEvent; replayed: boolean } | DecisionRefusal;

export const refuse = (status: DecisionRefusal['status'], code: string, message: string, details?: DecisionRefusal['details']): DecisionRefusal => ({
  kind: 'refused',
  status,
  code,
  message,
  ...(details ? { details } : {}),
});

export const notFound = (): DecisionRefusal => refuse(404, 'case_not_found', 'no such case, or not one your unit may decide');

export const invalidField = (field: string, message: string): DecisionRefusal => refuse(400, 'validation_failed', 'the request has invalid fields', [{ field, message }]);

/** The staff member as a timeline actor: the account id (never a name) and the unit it acts for. */
export function staffActorFor(deps: Pick<Dependencies, 'router' | 'district'>, staff: StaffIdentity) {
  const { code } = staff.unit;
  const name = code === deps.district.code ? deps.district.name : (deps.router.tree.get(code)?.name ?? code);
  return { kind: 'unit' as const, id: staff.staffId, unit: { code, name } };
}
