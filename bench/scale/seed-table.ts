// Fills the table quickly for the scale benchmark: stored cases (case items with their byOwner and byDue
// keys, as the case repository writes them) and the unit-day figures those cases would have counted, written
// in BatchWriteItem calls of 25 straight through the document client rather than case by case through the
// pipeline. Cases spread evenly over the grids of the jurisdiction and over the last `days` days.
import { readFileSync } from 'node:fs';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { caseKey, figuresKey, levelDayIndexKeys, ownerIndexKeys, watchIndexKeys } from '../../shared/adapters/dynamo/keys.js';
import { beijingDate } from '../../shared/domain/beijing-time.js';

export interface Unit {
  code: string;
  name: string;
}

export interface GridPlace {
  district: Unit;
  street: Unit;
  community: Unit;
  grid: Unit;
}

interface JurisdictionFile {
  district: Unit;
  streets: Array<Unit & { communities: Array<Unit & { grids: Unit[] }> }>;
}

/** Every grid of the district with the units above it, from the bundled jurisdiction document. */
export function gridPlaces(): GridPlace[] {
  const doc = JSON.parse(readFileSync(new URL('../../shared/data/huangpu-jurisdiction.json', import.meta.url), 'utf8')) as JurisdictionFile;
  const unit = (u: Unit): Unit => ({ code: u.code, name: u.name });
  return doc.streets.flatMap((street) =>
    street.communities.flatMap((community) => community.grids.map((grid) => ({ district: unit(doc.district), street: unit(street), community: unit(community), grid: unit(grid) }))),
  );
}

const DAY_MS = 86_400_000;

/** A stored case as the repository keeps it, about the size of a real one (1–2 KB). */
function caseItem(index: number, place: GridPlace, createdAt: Date): Record<string, unknown> {
  const caseId = `HP-${beijingDate(createdAt).replaceAll('-', '')}-${String(index).padStart(6, '0')}`;
  const created = createdAt.toISOString();
  const acceptBy = new Date(createdAt.getTime() + 4 * 3_600_000).toISOString();
  const record = {
    caseId,
    status: 'assigned',
    version: 5,
    channel: 'phone',
    content: `${place.street.name}${place.community.name}附近小区门口垃圾三天没人清运，气味很大，希望尽快派人处理。编号${index}`,
    address: `黄埔区${place.street.name}${place.community.name}`,
    caller: { name: '李先生', phone: '13800138000' },
    classification: {
      category: { code: 'city.sanitation', path: ['城市管理', '环境卫生'] },
      requestType: 'complaint',
      urgency: 'normal',
      department: { code: 'urban-management', name: '区城市管理和综合执法局' },
      routeTo: 'jurisdiction',
      confidence: 0.9,
      reason: '关键词：垃圾、清运',
    },
    jurisdiction: { district: place.district, street: place.street, community: place.community, grid: place.grid },
    owner: { ...place.grid, level: 'grid' },
    deadlines: { acceptBy, respondBy: acceptBy, resolveBy: new Date(createdAt.getTime() + 5 * DAY_MS).toISOString() },
    trackingTokenHash: 'f'.repeat(64),
    createdAt: created,
    updatedAt: created,
    lastEvent: { seq: 5, type: 'assigned', at: created, actor: { kind: 'unit', id: 'grid-consumer', unit: place.grid }, status: 'assigned', unit: { ...place.grid, level: 'grid' }, reason: `${place.grid.name}已接单` },
  };
  return { ...caseKey(caseId), ...ownerIndexKeys(place.grid.code, acceptBy, caseId), ...watchIndexKeys({ kind: 'deadline', at: acceptBy }, caseId), ...record };
}

async function writeAll(db: DynamoDBDocumentClient, tableName: string, items: Array<Record<string, unknown>>, parallel = 8): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      let batch = items.slice(next, next + 25).map((Item) => ({ PutRequest: { Item } }));
      next += 25;
      while (batch.length > 0) {
        const { UnprocessedItems } = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: batch } }));
        batch = (UnprocessedItems?.[tableName] ?? []) as typeof batch;
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/** Stores cases in rounds, keeping the tallies of received cases per unit per day so counter items stay right. */
export class Seeder {
  private readonly received = new Map<string, { unit: Unit; level: string; date: string; count: number }>();
  private stored = 0;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly places: GridPlace[],
    private readonly days: number,
    private readonly now: Date,
  ) {}

  get cases(): number {
    return this.stored;
  }

  /** Stores `count` more cases and rewrites the counter items they touch. */
  async addCases(count: number): Promise<void> {
    const items: Array<Record<string, unknown>> = [];
    const touched = new Set<string>();
    for (let i = this.stored; i < this.stored + count; i++) {
      // grid by grid, then day by day: after grids × days cases every unit has a case on every day
      const place = this.places[i % this.places.length]!;
      const day = Math.floor(i / this.places.length) % this.days;
      const createdAt = new Date(this.now.getTime() - day * DAY_MS - (i % 60) * 60_000);
      items.push(caseItem(i, place, createdAt));
      const date = beijingDate(createdAt);
      for (const [level, unit] of [['district', place.district], ['street', place.street], ['community', place.community], ['grid', place.grid]] as const) {
        const key = `${unit.code}|${date}`;
        const tally = this.received.get(key) ?? { unit, level, date, count: 0 };
        tally.count++;
        this.received.set(key, tally);
        touched.add(key);
      }
    }
    const counters = [...touched].map((key) => {
      const { unit, level, date, count } = this.received.get(key)!;
      return { ...figuresKey(unit.code, date), ...levelDayIndexKeys(level, date, unit.code), unitCode: unit.code, unitName: unit.name, level, date, received: count };
    });
    await writeAll(this.db, this.tableName, [...items, ...counters]);
    this.stored += count;
  }
}
