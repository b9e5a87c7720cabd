// The retention sweep (scheduled): finds the cases whose personal data is due (by creation day, through
// their markers) and removes it, keeping everything anonymous. Safe to run twice at once or again after a
// crash: each step is a conditional or idempotent write, and a marker goes only after its case is clean.
import type { CaseRecord } from '../domain/case-record.js';
import { anonymisedText, newestDueDay, retentionDecision, type RetentionPolicy } from '../domain/personal-data-retention.js';
import type { PersonalDataStore } from '../adapters/dynamo/personal-data-store.js';

export interface RetentionSummary {
  /** the newest creation day read (every marker up to it was) */
  upTo: string;
  markers: number;
  expired: number;
  keptOpen: number;
  notDue: number;
  /** markers of cases that were never written (a crash in intake) or moved meanwhile */
  skipped: number;
}

export interface RetentionDependencies {
  cases: { get(caseId: string): Promise<CaseRecord | undefined> };
  personalData: Pick<PersonalDataStore, 'markersUpTo' | 'expire' | 'unmark'>;
  now: () => Date;
  policy: RetentionPolicy;
}

/** At most this many cases per run (a run takes seconds; the next one, an hour later, carries on). */
export const MAX_CASES_PER_RUN = 2000;

export async function expirePersonalData(deps: RetentionDependencies, maxCases = MAX_CASES_PER_RUN): Promise<RetentionSummary> {
  const now = deps.now();
  const upTo = newestDueDay(now, deps.policy);
  const markers = await deps.personalData.markersUpTo(upTo, maxCases);
  const summary: RetentionSummary = { upTo, markers: markers.length, expired: 0, keptOpen: 0, notDue: 0, skipped: 0 };
  for (const marker of markers) {
    const record = await deps.cases.get(marker.caseId);
    if (!record) {
      // a marker whose case was never stored (a crash in intake, not retried): nothing to keep
      if (Date.parse(marker.createdAt) < now.getTime() - 24 * 3600 * 1000) await deps.personalData.unmark(marker.caseId);
      summary.skipped += 1;
      continue;
    }
    const decision = retentionDecision(record, now, deps.policy);
    if (decision === 'not_due') summary.notDue += 1;
    else if (decision === 'keep_open') summary.keptOpen += 1;
    else if (await deps.personalData.expire(record, anonymisedText(record), now.toISOString())) {
      await deps.personalData.unmark(record.caseId);
      summary.expired += 1;
    } else summary.skipped += 1;
  }
  return summary;
}
