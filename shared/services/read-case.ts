// Reading a case needs its tracking token: a wrong or missing token reads as "no such case".
import type { CaseRecord } from '../domain/case-record.js';
import { isCaseId } from '../domain/case-id.js';
import { tokenMatches } from '../security/tracking-token.js';
import type { Dependencies } from './dependencies.js';

export async function readCaseWithToken(deps: Pick<Dependencies, 'cases'>, caseId: string | undefined, token: string | undefined): Promise<CaseRecord | undefined> {
  if (!caseId || !isCaseId(caseId)) return undefined;
  const record = await deps.cases.get(caseId);
  if (!record || !tokenMatches(token, record.trackingTokenHash)) return undefined;
  return record;
}
