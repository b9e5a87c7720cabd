// The ONE place a timeline event becomes figures: the pure rule (shared/domain/figures/event-figures.ts)
// says what the event adds to which unit-day; this applies it once per (caseId, seq). A duplicate delivery
// of the same event — a retried request, a redelivered message, two sweepers — finds the event's marker and
// counts nothing; a retry after a crash half way finishes the job without adding anything twice
// (counted-event-ledger.ts). Every service that writes an event calls this after its write succeeded.
//
// It also keeps the overdue-now boards right: an event after which the case is no longer overdue (accepted,
// contacted, resolved, returned, extended, paused …) takes it off the boards the sweep put it on.
import type { CaseRecord } from '../domain/case-record.js';
import { boardChange } from '../domain/deadlines/overdue-boards.js';
import { eventFigures, type EventFigureContext } from '../domain/figures/event-figures.js';
import type { TimelineEvent } from '../domain/timeline.js';
import type { CaseWork } from '../domain/work/case-work.js';
import { COUNTING_LEASE_MS } from '../adapters/dynamo/counted-event-ledger.js';
import type { Dependencies } from './dependencies.js';

export type FigureDependencies = Pick<Dependencies, 'figures' | 'countedEvents' | 'overdueBoards' | 'now'>;

export type CountedCase = CaseRecord & Partial<Pick<CaseWork, 'contactedAt' | 'supportCalls'>>;

/**
 * Count one event of a case (the record as it is right after the event). `context.firstContact` tells a
 * first contact (响应) from a later one; without it, the event is the first contact if the case's
 * `contactedAt` is this event's time.
 */
export async function countEvent(deps: FigureDependencies, record: CountedCase, event: TimelineEvent, context: EventFigureContext = {}): Promise<void> {
  if (!(await claimCounting(deps, record.caseId, event.seq))) return;
  const firstContact = context.firstContact ?? (event.type === 'contacted' && record.contactedAt === event.at);
  const increments = eventFigures(record, event, { firstContact });
  // each update is tagged with the event, so one that landed before a crash is not added again on the retry
  const tag = `${record.caseId}#${event.seq}`;
  await Promise.all(increments.map((i) => deps.figures.add(i.unit, i.date, i.counts, tag)));
  await deps.countedEvents.complete(record.caseId, event.seq);
  await Promise.all(increments.map((i) => deps.figures.untag(i.unit, i.date, tag)));
  await clearOverdueIfMet(deps, record, event.at);
}

export class CountingInProgressError extends Error {
  override name = 'CountingInProgressError';
}

const BUSY_WAIT_MS = 250;
/** Long enough to outwait a lease (COUNTING_LEASE_MS) and take it over. */
const BUSY_RETRIES = Math.ceil((COUNTING_LEASE_MS + 1_000) / BUSY_WAIT_MS);

/** True when this caller must count the event. Waits briefly for another caller counting it right now. */
async function claimCounting(deps: FigureDependencies, caseId: string, seq: number): Promise<boolean> {
  for (let attempt = 0; attempt < BUSY_RETRIES; attempt++) {
    const claim = await deps.countedEvents.claim(caseId, seq, deps.now());
    if (claim !== 'busy') return claim === 'count';
    await new Promise((resolve) => setTimeout(resolve, BUSY_WAIT_MS));
  }
  // the holder is still at it (or died with a live lease): fail, so the message or request is tried again
  throw new CountingInProgressError(`event ${seq} of case ${caseId} is being counted by another caller`);
}

/** Takes the case off the overdue-now boards of every clock that is no longer past due after this event. */
export async function clearOverdueIfMet(deps: Pick<FigureDependencies, 'overdueBoards'>, record: CountedCase, at: string): Promise<void> {
  const { clear } = boardChange(record, at);
  if (clear.length > 0) await deps.overdueBoards.clear(clear, record.caseId);
}
