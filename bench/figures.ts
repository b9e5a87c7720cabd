// Figures at scale: the supervisors' summary (GET /sla/summary's service, levelSummary) over the figures of
// 1,000 and of 100,000 cases. Each synthetic case goes through the real counting rule (eventFigures: received,
// accepted, contacted, resolved, followed up, with on-time and late ones, returns and reopens), and the
// increments are written as the unit-day counters they add up to (UnitFiguresStore.add, one ADD per unit-day
// and batch) — the state countEvent leaves after counting every event once, without 3 million single writes.
// A sample of events also goes through countEvent itself, to measure the per-event cost of the real path.
// Then each question is asked `repeats` times: its items read and median time should not grow with cases.
//
// Run alone: npx tsx bench/figures.ts [--smoke]
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { figure, type Figure } from './figure.js';
import { median } from './stats.js';
import { gridPlaces, type GridPlace } from './scale/seed-table.js';
import { startEmbeddedDynamo } from '../infra/local/dynamo/embedded-dynamo.js';
import { localDynamoClient } from '../infra/local/dynamo/local-client.js';
import { ensureTable } from '../infra/local/dynamo/table-definition.js';
import { CaseRepository } from '../shared/adapters/dynamo/case-repository.js';
import { CountedEventLedger } from '../shared/adapters/dynamo/counted-event-ledger.js';
import { OverdueBoardStore } from '../shared/adapters/dynamo/overdue-board-store.js';
import { UnitFiguresStore } from '../shared/adapters/dynamo/unit-figures-store.js';
import { beijingDate } from '../shared/domain/beijing-time.js';
import type { CaseRecord } from '../shared/domain/case-record.js';
import { deadlinesOnArrival } from '../shared/domain/deadlines/compute-deadlines.js';
import type { FigureUnit } from '../shared/domain/figures/accountable-units.js';
import { eventFigures } from '../shared/domain/figures/event-figures.js';
import { addCounts, type FigureCounts } from '../shared/domain/figures/figure-names.js';
import type { TimelineEvent } from '../shared/domain/timeline.js';
import { countEvent } from '../shared/services/count-event.js';
import { levelSummary, monthlyRanking, unitSeries } from '../shared/services/sla/figures-queries.js';

const TABLE = 'hotline12345-figures';
const DAYS = 30;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const everyone = () => true;

export interface FiguresBenchOptions {
  small?: number;
  large?: number;
  repeats?: number;
  /** events sent through countEvent itself, to time the real path */
  countedSample?: number;
  progress?: (line: string) => void;
}

/** A deterministic spread: case i lands on grid `place`, arriving `day` days ago at an office hour. */
function syntheticCase(i: number, places: GridPlace[], now: Date): { record: CaseRecord; events: TimelineEvent[] } {
  const place = places[(i * 7_919) % places.length]!;
  const day = i % DAYS;
  const arrived = new Date(now.getTime() - day * DAY_MS - ((i * 37) % 9) * HOUR_MS);
  const grid = { ...place.grid, level: 'grid' as const };
  const base = {
    caseId: `HP-BENCH-${String(i).padStart(7, '0')}`,
    owner: grid,
    jurisdiction: { district: place.district, street: place.street, community: place.community, grid: place.grid },
    classification: { requestType: (['complaint', 'help', 'consultation', 'report'] as const)[i % 4], urgency: i % 23 === 0 ? 'urgent' : 'normal', category: { code: 'urban-management/sanitation', path: [] }, department: { code: 'urban-management', name: '区城市管理和综合执法局' } },
    createdAt: arrived.toISOString(),
  } as unknown as CaseRecord;
  const record = { ...base, deadlines: deadlinesOnArrival(base, arrived) } as CaseRecord;
  const at = (hours: number) => new Date(arrived.getTime() + hours * HOUR_MS).toISOString();
  const actor = { kind: 'unit' as const, id: 'bench', unit: place.grid };
  const ev = (seq: number, type: TimelineEvent['type'], when: string, extra: object = {}): TimelineEvent => ({ seq, type, at: when, actor, status: 'accepted', ...extra }) as TimelineEvent;
  const events: TimelineEvent[] = [{ seq: 3, type: 'assigned', at: record.createdAt, actor, status: 'assigned', unit: grid }];
  if (i % 50 === 0) return { record, events: [...events, ev(4, 'returned', at(2))] };
  events.push(ev(4, 'accepted', at(i % 7 === 0 ? 30 : 1 + (i % 5))));
  events.push(ev(5, 'contacted', at(3 + (i % 20))));
  const resolvedAfter = 24 + ((i * 13) % (i % 9 === 0 ? 400 : 120));
  if (day * 24 > resolvedAfter) {
    events.push(ev(6, 'resolved', at(resolvedAfter)));
    if (day * 24 > resolvedAfter + 24) {
      const satisfaction = (['satisfied', 'satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied'] as const)[i % 5];
      events.push(ev(7, 'followed_up', at(resolvedAfter + 24), { satisfaction, solved: satisfaction !== 'dissatisfied' }));
      if (satisfaction === 'dissatisfied' && i % 2 === 0) events.push(ev(8, 'reopened', at(resolvedAfter + 25)));
    }
  }
  return { record, events };
}

/** The unit-day counters the cases [from, to) add up to, by the real rule. */
function tally(from: number, to: number, places: GridPlace[], now: Date): Map<string, { unit: FigureUnit; date: string; counts: FigureCounts }> {
  const sums = new Map<string, { unit: FigureUnit; date: string; counts: FigureCounts }>();
  for (let i = from; i < to; i++) {
    const { record, events } = syntheticCase(i, places, now);
    const contacted = events.find((e) => e.type === 'contacted');
    for (const event of events) {
      for (const inc of eventFigures(record, event, { firstContact: event === contacted })) {
        const key = `${inc.unit.code}|${inc.date}`;
        const sum = sums.get(key) ?? { unit: inc.unit, date: inc.date, counts: {} };
        addCounts(sum.counts, inc.counts);
        sums.set(key, sum);
      }
    }
  }
  return sums;
}

async function writeTally(store: UnitFiguresStore, sums: Map<string, { unit: FigureUnit; date: string; counts: FigureCounts }>, parallel = 8): Promise<void> {
  const list = [...sums.values()];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < list.length) {
        const item = list[next++]!;
        await store.add(item.unit, item.date, item.counts);
      }
    }),
  );
}

async function timed(ask: () => Promise<number>, repeats: number): Promise<{ ms: number; items: number }> {
  await ask();
  const times: number[] = [];
  let items = 0;
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    items = await ask();
    times.push(performance.now() - start);
  }
  return { ms: Math.round(median(times) * 10) / 10, items };
}

export async function benchFigures(options: FiguresBenchOptions = {}): Promise<Figure[]> {
  const small = options.small ?? 1_000;
  const large = options.large ?? 100_000;
  const repeats = options.repeats ?? 7;
  const progress = options.progress ?? (() => undefined);
  const dynamo = await startEmbeddedDynamo();
  const raw = localDynamoClient(dynamo.endpoint);
  const db = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  try {
    await ensureTable(raw, TABLE);
    const now = new Date();
    const places = gridPlaces();
    const deps = {
      figures: new UnitFiguresStore(db, TABLE),
      overdueBoards: new OverdueBoardStore(db, TABLE),
      cases: new CaseRepository(db, TABLE),
      countedEvents: new CountedEventLedger(db, TABLE),
      now: () => now,
    };
    const from = beijingDate(new Date(now.getTime() - (DAYS - 1) * DAY_MS));
    const to = beijingDate(now);
    const month = to.slice(0, 7);
    const streets = new Set(places.map((p) => p.street.code)).size;
    const questions = [
      { name: `summary, streets × ${DAYS} days`, bound: `${streets * DAYS + streets} (${streets} streets × ${DAYS} days + ${streets} overdue boards)`, ask: async () => (await levelSummary(deps, 'street', from, to, everyone)).itemsRead },
      { name: `summary, grids × ${DAYS} days`, bound: `${places.length * DAYS + places.length} (${places.length} grids × ${DAYS} days + boards)`, ask: async () => (await levelSummary(deps, 'grid', from, to, everyone)).itemsRead },
      { name: 'ranking of streets, this month', bound: `${streets} streets × days so far + boards`, ask: async () => (await monthlyRanking(deps, 'street', month, everyone)).itemsRead },
      { name: `district series, ${DAYS} days`, bound: `${DAYS} days`, ask: async () => (await unitSeries(deps, places[0]!.district.code, from, to)).days.length },
    ];
    const results = new Map<number, Array<{ ms: number; items: number }>>();
    let written = 0;
    for (const [start, end] of [[0, small], [small, large]] as const) {
      progress(`figures: counting ${(end - start).toLocaleString('en-US')} more cases`);
      const seedStart = performance.now();
      const sums = tally(start, end, places, now);
      await writeTally(deps.figures, sums);
      written += sums.size;
      progress(`figures: ${end.toLocaleString('en-US')} cases counted into ${sums.size} unit-day updates in ${((performance.now() - seedStart) / 1000).toFixed(1)} s; asking`);
      const costs = [];
      for (const q of questions) costs.push(await timed(q.ask, repeats));
      results.set(end, costs);
    }
    // the real path: a sample of events through countEvent (marker + one ADD per unit), on a table this size
    const sample = options.countedSample ?? 2_000;
    const events: Array<{ record: CaseRecord; event: TimelineEvent }> = [];
    for (let i = large; events.length < sample; i++) {
      const { record, events: list } = syntheticCase(i, places, now);
      for (const event of list) if (events.length < sample) events.push({ record: { ...record, caseId: `HP-BENCHC-${i}` }, event });
    }
    const countStart = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next < events.length) {
        const { record, event } = events[next++]!;
        await countEvent(deps, record, event);
      }
    }));
    const perSecond = Math.round(events.length / ((performance.now() - countStart) / 1000));

    const figures: Figure[] = [];
    const label = (n: number) => n.toLocaleString('en-US');
    questions.forEach((q, k) => {
      const a = results.get(small)![k]!;
      const b = results.get(large)![k]!;
      figures.push(figure(`${q.name}: items read, ${label(small)} cases`, a.items, 'items', `≤ ${q.bound}`));
      figures.push(figure(`${q.name}: items read, ${label(large)} cases`, b.items, 'items', `≤ ${q.bound}`, 'the same bound: items grow with units × days, not with cases'));
      figures.push(figure(`${q.name}: median time, ${label(small)} cases`, a.ms, 'ms', null, `median of ${repeats}, dynalite on this machine`));
      figures.push(figure(`${q.name}: median time, ${label(large)} cases`, b.ms, 'ms', `≈ the ${label(small)}-case time`, `ratio ${(b.ms / Math.max(a.ms, 0.1)).toFixed(2)}×`));
    });
    figures.push(figure('unit-day counter updates written', written, 'updates', null, `figures of ${label(large)} synthetic cases (assigned, accepted, contacted, resolved, followed up, returned, reopened) by eventFigures`));
    figures.push(figure('countEvent (real path)', perSecond, 'events/s', null, `${label(events.length)} events, 8 at a time: one conditional marker put + one ADD per unit of the chain (≈ 5 writes)`));
    return figures;
  } finally {
    raw.destroy();
    await dynamo.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const smoke = process.argv.includes('--smoke');
  const figures = await benchFigures({ ...(smoke ? { large: 5_000, repeats: 3, countedSample: 300 } : {}), progress: (line) => process.stderr.write(`  ${line}\n`) });
  for (const f of figures) console.log(`${f.name.padEnd(58)} ${String(f.value).padStart(10)} ${f.unit.padEnd(9)} ${f.target ?? ''}${f.note ? `  (${f.note})` : ''}`);
}
