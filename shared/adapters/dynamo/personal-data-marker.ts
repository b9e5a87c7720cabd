// The marker item a new case gets beside it (`CASE#<id>` / `PII`), indexed by its Beijing creation day, so the
// retention sweep finds the cases whose personal data may be due without a Scan (personal-data-store.ts).
import { beijingDate } from '../../domain/beijing-time.js';
import type { CaseRecord } from '../../domain/case-record.js';
import { personalDataIndexKeys, personalDataKey } from './keys.js';

export function personalDataMarker(record: Pick<CaseRecord, 'caseId' | 'createdAt'>): Record<string, unknown> {
  return {
    ...personalDataKey(record.caseId),
    ...personalDataIndexKeys(beijingDate(new Date(record.createdAt)), record.caseId),
    caseId: record.caseId,
    createdAt: record.createdAt,
  };
}
