// Scale: what a supervisor's questions cost with 1,000 and with 100,000 stored cases. A level's summary over
// a date range is answered by the service behind GET /sla/summary (levelSummary: per-unit day counters on the
// byLevelDay index, and the overdue boards), a unit's open cases by the byOwner index; neither should read
// more, or take longer, as cases pile up. The table is filled straight through the document client
// (scale/seed-table.ts), then each question is asked several times.
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { figure, type Figure, type SuiteResult } from '../figure.js';
import { capacityBetween, DynamoCapacityMeter } from '../meter/dynamo-capacity.js';
import { gridPlaces, Seeder } from '../scale/seed-table.js';
import { median } from '../stats.js';
import { startEmbeddedDynamo } from '../../infra/local/dynamo/embedded-dynamo.js';
import { localDynamoClient } from '../../infra/local/dynamo/local-client.js';
import { ensureTable } from '../../infra/local/dynamo/table-definition.js';
import { CaseRepository } from '../../shared/adapters/dynamo/case-repository.js';
import { OverdueBoardStore } from '../../shared/adapters/dynamo/overdue-board-store.js';
import { UnitFiguresStore } from '../../shared/adapters/dynamo/unit-figures-store.js';
import { levelSummary, type QueryDependencies } from '../../shared/services/sla/figures-queries.js';
import { beijingDate } from '../../shared/domain/beijing-time.js';

const TABLE = 'hotline12345-scale';
const DAYS = 30;
const DAY_MS = 86_400_000;

interface QueryCost {
  ms: number;
  items: number;
  readUnits: number;
}

interface Question {
  name: string;
  /** answers the number of items it read */
  ask: () => Promise<number>;
  /** the most items it can read however many cases there are */
  bound: number;
  boundReason: string;
  /** how long a supervisor's screen may wait for it */
  targetMs: number;
}

async function cost(question: Question, meter: DynamoCapacityMeter, repeats: number): Promise<QueryCost> {
  await question.ask(); // warm
  const times: number[] = [];
  let items = 0;
  const before = meter.snapshot();
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    items = await question.ask();
    times.push(performance.now() - start);
  }
  const used = capacityBetween(before, meter.snapshot());
  return { ms: median(times), items, readUnits: used.readUnits / repeats };
}

export async function benchScale(options: { small: number; large: number; repeats: number; progress: (line: string) => void }): Promise<SuiteResult> {
  const dynamo = await startEmbeddedDynamo();
  const seedClient = DynamoDBDocumentClient.from(localDynamoClient(dynamo.endpoint), { marshallOptions: { removeUndefinedValues: true } });
  const raw = localDynamoClient(dynamo.endpoint);
  const queryClient = DynamoDBDocumentClient.from(raw);
  const meter = new DynamoCapacityMeter();
  meter.attach(raw);
  try {
    await ensureTable(raw, TABLE);
    const now = new Date();
    const places = gridPlaces();
    const seeder = new Seeder(seedClient, TABLE, places, DAYS, now);
    const cases = new CaseRepository(queryClient, TABLE);
    const deps: QueryDependencies = { figures: new UnitFiguresStore(queryClient, TABLE), overdueBoards: new OverdueBoardStore(queryClient, TABLE), cases, now: () => now };
    const everything = () => true; // a district supervisor sees every unit
    const from = beijingDate(new Date(now.getTime() - (DAYS - 1) * DAY_MS));
    const to = beijingDate(now);
    const busiestGrid = places[0]!.grid;
    const streets = new Set(places.map((p) => p.street.code)).size;
    const questions: Question[] = [
      { name: `street summary, ${DAYS} days`, ask: async () => (await levelSummary(deps, 'street', from, to, everything)).itemsRead, bound: streets * DAYS + streets, boundReason: `${streets} streets × ${DAYS} days, and their overdue boards`, targetMs: 100 },
      { name: `grid summary, ${DAYS} days`, ask: async () => (await levelSummary(deps, 'grid', from, to, everything)).itemsRead, bound: places.length * DAYS + places.length, boundReason: `${places.length} grids × ${DAYS} days, and their overdue boards`, targetMs: 300 },
      { name: 'open cases of a grid, first page', ask: async () => (await cases.openCasesOf(busiestGrid.code, 50)).length, bound: 50, boundReason: 'the page size', targetMs: 50 },
    ];

    const measured = new Map<number, QueryCost[]>();
    for (const size of [options.small, options.large]) {
      options.progress(`scale: storing ${size.toLocaleString('en-US')} cases`);
      const seedStart = performance.now();
      await seeder.addCases(size - seeder.cases);
      options.progress(`scale: stored in ${((performance.now() - seedStart) / 1000).toFixed(1)} s; asking`);
      const costs: QueryCost[] = [];
      for (const question of questions) costs.push(await cost(question, meter, options.repeats));
      measured.set(size, costs);
    }

    const result: Figure[] = [];
    const small = measured.get(options.small)!;
    const large = measured.get(options.large)!;
    const label = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));
    questions.forEach((question, i) => {
      const a = small[i]!;
      const b = large[i]!;
      result.push(
        figure(
          `${question.name} @ ${label(options.small)} cases`,
          a.ms,
          'ms',
          `< ${question.targetMs} ms`,
          `${question.name}: ${a.items} items (${a.readUnits} RRU) at ${options.small.toLocaleString('en-US')} cases, ${b.items} items (${b.readUnits} RRU) at ${options.large.toLocaleString('en-US')}; never more than ${question.bound} (${question.boundReason}), however many cases; times are dynalite's, median of ${options.repeats}`,
        ),
      );
      result.push(figure(`${question.name} @ ${label(options.large)} cases`, b.ms, 'ms', `< ${question.targetMs} ms`));
      result.push(figure(`${question.name}: items read @ ${label(options.large)}`, b.items, 'items', `≤ ${question.bound.toLocaleString('en-US')}`));
    });
    return { suite: 'scale', figures: result };
  } finally {
    seedClient.destroy();
    queryClient.destroy();
    await dynamo.close();
  }
}
