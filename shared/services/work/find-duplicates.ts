// The repeated-request sweep (scheduled, every minute): looks at each case once, in intake order, a minute
// after intake (so its community is known), and
//   - proposes the open cases it may repeat (duplicateCandidates on the case; staff decide to merge),
//   - remembers it in the recent-case index of its place and category,
//   - counts the community's cases of that category in the hot-spot window and, at the threshold, puts a
//     hot-spot alert for the street and the district (未诉先办).
// Cases are found by their numbers (CaseDayReader) from a cursor, so nothing is scanned; every write is a
// put of what was computed, so a run repeated after a crash changes nothing twice.
import type { CaseDayReader } from '../../adapters/dynamo/case-day-reader.js';
import type { HotspotAlertStore } from '../../adapters/dynamo/hotspot-alert-store.js';
import type { RecentCaseIndex } from '../../adapters/dynamo/recent-case-index.js';
import type { SweepCursorStore } from '../../adapters/dynamo/sweep-cursor-store.js';
import { beijingDayKey } from '../../domain/beijing-time.js';
import { formatCaseId } from '../../domain/case-id.js';
import type { WorkedCase } from '../../domain/work/case-work.js';
import {
  DUPLICATE_WINDOW_DAYS,
  duplicateCandidates,
  HOTSPOT_THRESHOLD,
  HOTSPOT_WINDOW_DAYS,
  inHotspotWindow,
  matchingText,
  type RecentCase,
} from '../../domain/work/duplicates.js';
import { redactPersonalData } from '../../security/mask.js';
import type { WorkDependencies } from './work-dependencies.js';

const DAY_MS = 86_400_000;
/** a case is looked at once it is this old: routing has placed it in a community by then */
export const LOOK_AFTER_MS = 60_000;
const BATCH = 100;

export interface DuplicateSweepDependencies extends WorkDependencies {
  days: CaseDayReader;
  recentCases: RecentCaseIndex;
  hotspots: HotspotAlertStore;
  cursor: SweepCursorStore;
}

export interface DuplicateSweepSummary {
  looked: number;
  proposed: number;
  hotspots: number;
}

const UNROUTED = ['received', 'triage_district', 'dispatched_to_street', 'triage_street'];

/** The place a case is matched in: its community, or its department when it went straight to one. */
function placeOf(record: WorkedCase): string | undefined {
  if (record.jurisdiction.community) return record.jurisdiction.community.code;
  if (record.owner.level === 'department') return `dept:${record.owner.code}`;
  return undefined;
}

function nextDay(day: string): string {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8))) + DAY_MS;
  return new Date(t).toISOString().slice(0, 10).replaceAll('-', '');
}

export async function sweepForDuplicates(deps: DuplicateSweepDependencies, maxCases = 300): Promise<DuplicateSweepSummary> {
  const now = deps.now();
  const today = beijingDayKey(now);
  const summary: DuplicateSweepSummary = { looked: 0, proposed: 0, hotspots: 0 };
  let cursor = (await deps.cursor.get()) ?? { day: today, number: 0 };
  sweep: for (;;) {
    const given = await deps.days.numbersGiven(cursor.day);
    while (cursor.number < given) {
      if (summary.looked >= maxCases) break sweep;
      const ids: string[] = [];
      for (let n = cursor.number + 1; n <= given && ids.length < Math.min(BATCH, maxCases - summary.looked); n++) ids.push(formatCaseId(cursor.day, n));
      const found = new Map((await deps.days.getMany(ids)).map((r) => [r.caseId, r]));
      for (let i = 0; i < ids.length; i++) {
        const record = found.get(ids[i]!);
        if (record) {
          // too young: its routing may not have placed it yet; this run stops here
          if (Date.parse(record.createdAt) > now.getTime() - LOOK_AFTER_MS) break sweep;
          const outcome = await lookAt(deps, record);
          summary.proposed += outcome.proposed ? 1 : 0;
          summary.hotspots += outcome.hotspot ? 1 : 0;
        } else if (cursor.day === today) {
          // a number without a case: a failed intake (a gap) once a later case is old enough, else one in progress
          const later = ids.slice(i + 1).map((id) => found.get(id)).find((r) => r !== undefined);
          if (!later || Date.parse(later.createdAt) > now.getTime() - LOOK_AFTER_MS) break sweep;
        }
        summary.looked++;
        cursor = { day: cursor.day, number: cursor.number + 1 };
      }
    }
    if (cursor.day >= today) break;
    cursor = { day: nextDay(cursor.day), number: 0 };
  }
  await deps.cursor.save(cursor);
  return summary;
}

async function lookAt(deps: DuplicateSweepDependencies, record: WorkedCase): Promise<{ proposed: boolean; hotspot: boolean }> {
  const place = placeOf(record);
  if (!place || UNROUTED.includes(record.status) || record.status === 'merged') return { proposed: false, hotspot: false };
  const category = record.classification.category.code;
  const fresh: RecentCase = {
    caseId: record.caseId,
    category,
    place,
    createdAt: record.createdAt,
    text: matchingText(record.content, redactPersonalData),
    ...(record.location ? { location: record.location } : {}),
  };
  const window = Math.max(DUPLICATE_WINDOW_DAYS, HOTSPOT_WINDOW_DAYS) * DAY_MS;
  const since = new Date(Date.parse(record.createdAt) - window).toISOString();
  const recent = (await deps.recentCases.since(place, category, since)).filter((r) => r.caseId !== record.caseId);

  let proposed = false;
  const candidates = duplicateCandidates(fresh, recent);
  if (candidates.length > 0) {
    // only cases still open may carry a repeat
    const open = new Set((await deps.days.getMany(candidates.map((c) => c.caseId))).filter((c) => c.status !== 'closed' && c.status !== 'merged').map((c) => c.caseId));
    const stillOpen = candidates.filter((c) => open.has(c.caseId));
    if (stillOpen.length > 0) {
      await deps.work.proposeDuplicates(record.caseId, stillOpen);
      proposed = true;
    }
  }
  await deps.recentCases.put(fresh, new Date(Date.parse(record.createdAt) + window + DAY_MS));

  const community = record.jurisdiction.community;
  if (!community) return { proposed, hotspot: false };
  const inWindow = inHotspotWindow([fresh, ...recent], record.createdAt).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  if (inWindow.length < HOTSPOT_THRESHOLD) return { proposed, hotspot: false };
  const street = record.jurisdiction.street;
  const units = [street?.code, record.jurisdiction.district?.code ?? deps.district.code].filter((u): u is string => Boolean(u));
  const at = deps.now().toISOString();
  await deps.hotspots.put(
    units,
    {
      community,
      street,
      category: { code: category, name: record.classification.category.path.join('/') },
      count: inWindow.length,
      windowDays: HOTSPOT_WINDOW_DAYS,
      firstCaseAt: inWindow.at(-1)!.createdAt,
      lastCaseAt: inWindow[0]!.createdAt,
      caseIds: inWindow.slice(0, 20).map((r) => r.caseId),
      updatedAt: at,
    },
    new Date(Date.parse(inWindow[0]!.createdAt) + HOTSPOT_WINDOW_DAYS * DAY_MS),
  );
  return { proposed, hotspot: true };
}
