// Counts the write units the table's global secondary indexes would consume on DynamoDB, for an engine that
// does not report them: dynalite (embedded, in this process) updates its indexes through one function that
// sees each write's item before and after; the meter wraps it and applies gsi-write-units.ts to each pair,
// with each index's own projection, and once more as if every index were KEYS_ONLY (what that would save).
// Benchmarks only: it observes dynalite, it changes nothing in what dynalite does.
import { createRequire } from 'node:module';
import { gsiWriteUnits, type AttributeMap, type IndexKeys, type Projection } from './gsi-write-units.js';

interface DynaliteTable {
  TableName: string;
  KeySchema: Array<{ AttributeName: string }>;
  GlobalSecondaryIndexes?: Array<{
    IndexName: string;
    KeySchema: Array<{ AttributeName: string; KeyType: 'HASH' | 'RANGE' }>;
    Projection?: { ProjectionType?: string; NonKeyAttributes?: string[] };
  }>;
}

interface DynaliteDb {
  updateIndexes: (store: unknown, table: DynaliteTable, existingItem: AttributeMap | null, item: AttributeMap | null, cb: (err?: unknown) => void) => void;
  itemSize: (item: AttributeMap) => number;
}

type Indexes = Array<IndexKeys & { projection: Projection }>;

function indexesOf(table: DynaliteTable, keysOnly: boolean): Indexes {
  return (table.GlobalSecondaryIndexes ?? []).map((gsi) => {
    const pk = gsi.KeySchema.find((k) => k.KeyType === 'HASH')!.AttributeName;
    const sk = gsi.KeySchema.find((k) => k.KeyType === 'RANGE')?.AttributeName;
    const type = keysOnly ? 'KEYS_ONLY' : (gsi.Projection?.ProjectionType ?? 'ALL');
    const projection: Projection = type === 'INCLUDE' ? { type, attributes: gsi.Projection?.NonKeyAttributes ?? [] } : { type: type === 'KEYS_ONLY' ? 'KEYS_ONLY' : 'ALL' };
    return { indexName: gsi.IndexName, partitionKey: pk, ...(sk ? { sortKey: sk } : {}), projection };
  });
}

class Tally {
  units = 0;
  readonly perIndex = new Map<string, number>();

  add(writes: Record<string, number>): void {
    for (const [name, units] of Object.entries(writes)) {
      this.units += units;
      this.perIndex.set(name, (this.perIndex.get(name) ?? 0) + units);
    }
  }
}

export interface IndexWriteSnapshot {
  writeUnits: number;
  byIndex: Record<string, number>;
  /** the same writes if every index projected only keys */
  keysOnlyWriteUnits: number;
  keysOnlyByIndex: Record<string, number>;
}

export class DynaliteIndexWriteMeter {
  private readonly actual = new Tally();
  private readonly keysOnly = new Tally();
  private restore: (() => void) | undefined;

  /** Starts counting; dynalite must be the copy the embedded engine uses (the same module instance). */
  start(): void {
    if (this.restore) return;
    const db = createRequire(import.meta.url)('dynalite/db/index.js') as DynaliteDb;
    const original = db.updateIndexes;
    const { actual, keysOnly } = this;
    db.updateIndexes = function (store, table, existingItem, item, cb) {
      const tableKeys = table.KeySchema.map((k) => k.AttributeName);
      const size = (i: AttributeMap) => db.itemSize(i);
      actual.add(gsiWriteUnits(indexesOf(table, false), tableKeys, existingItem, item, size));
      keysOnly.add(gsiWriteUnits(indexesOf(table, true), tableKeys, existingItem, item, size));
      return original.call(this, store, table, existingItem, item, cb);
    };
    this.restore = () => {
      db.updateIndexes = original;
    };
  }

  stop(): void {
    this.restore?.();
    this.restore = undefined;
  }

  snapshot(): IndexWriteSnapshot {
    return {
      writeUnits: this.actual.units,
      byIndex: Object.fromEntries(this.actual.perIndex),
      keysOnlyWriteUnits: this.keysOnly.units,
      keysOnlyByIndex: Object.fromEntries(this.keysOnly.perIndex),
    };
  }
}

export function indexWritesBetween(before: IndexWriteSnapshot, after: IndexWriteSnapshot): IndexWriteSnapshot {
  const delta = (a: Record<string, number>, b: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(b)
        .map(([k, v]) => [k, v - (a[k] ?? 0)] as const)
        .filter(([, v]) => v > 0),
    );
  return {
    writeUnits: after.writeUnits - before.writeUnits,
    byIndex: delta(before.byIndex, after.byIndex),
    keysOnlyWriteUnits: after.keysOnlyWriteUnits - before.keysOnlyWriteUnits,
    keysOnlyByIndex: delta(before.keysOnlyByIndex, after.keysOnlyByIndex),
  };
}
