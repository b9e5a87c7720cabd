// Write units a global secondary index consumes for one write to its table, by the rules in the DynamoDB
// Developer Guide ("Provisioned throughput considerations for Global Secondary Indexes"):
//   - the item enters the index (it now has both index key attributes, and had not): 1 write
//   - an index key attribute changes value: 2 writes (delete the old entry, put the new one)
//   - the item leaves the index (a key attribute removed, or the item deleted): 1 write
//   - the keys stay and a projected attribute changes: 1 write
// Each write costs ceil(entry size / 1 KB) units, at least 1. The entry holds the projected attributes: the
// whole item with projection ALL, only the table's and the index's keys with KEYS_ONLY (computing both shows
// what a projection would save). Pure: items are DynamoDB attribute-value maps; the sizer is passed in.

export type AttributeMap = Record<string, unknown>;

export type Projection = { type: 'ALL' } | { type: 'KEYS_ONLY' } | { type: 'INCLUDE'; attributes: readonly string[] };

export interface IndexKeys {
  indexName: string;
  partitionKey: string;
  sortKey?: string;
}

export type ItemSizer = (item: AttributeMap) => number;

export interface IndexWrites {
  /** index name → write units for this one table write */
  [indexName: string]: number;
}

function keyOf(item: AttributeMap | null | undefined, index: IndexKeys): string | undefined {
  if (!item) return undefined;
  const pk = item[index.partitionKey];
  const sk = index.sortKey === undefined ? null : item[index.sortKey];
  if (pk === undefined || sk === undefined) return undefined; // not in this (sparse) index
  return JSON.stringify([pk, sk]);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The attributes of `item` an index entry holds. */
export function indexEntry(item: AttributeMap, index: IndexKeys, projection: Projection, tableKeys: readonly string[]): AttributeMap {
  if (projection.type === 'ALL') return item;
  const names = new Set([...tableKeys, index.partitionKey, ...(index.sortKey ? [index.sortKey] : []), ...(projection.type === 'INCLUDE' ? projection.attributes : [])]);
  return Object.fromEntries(Object.entries(item).filter(([name]) => names.has(name)));
}

export function writeUnitsForSize(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / 1024));
}

export function gsiWriteUnits(
  indexes: ReadonlyArray<IndexKeys & { projection: Projection }>,
  tableKeys: readonly string[],
  before: AttributeMap | null | undefined,
  after: AttributeMap | null | undefined,
  sizeOf: ItemSizer,
): IndexWrites {
  const writes: IndexWrites = {};
  for (const index of indexes) {
    const oldKey = keyOf(before, index);
    const newKey = keyOf(after, index);
    const oldEntry = before && oldKey !== undefined ? indexEntry(before, index, index.projection, tableKeys) : undefined;
    const newEntry = after && newKey !== undefined ? indexEntry(after, index, index.projection, tableKeys) : undefined;
    let units = 0;
    if (!oldEntry && newEntry) units = writeUnitsForSize(sizeOf(newEntry));
    else if (oldEntry && !newEntry) units = writeUnitsForSize(sizeOf(oldEntry));
    else if (oldEntry && newEntry) {
      if (oldKey !== newKey) units = writeUnitsForSize(sizeOf(oldEntry)) + writeUnitsForSize(sizeOf(newEntry));
      else if (canonical(oldEntry) !== canonical(newEntry)) units = writeUnitsForSize(sizeOf(newEntry));
    }
    if (units > 0) writes[index.indexName] = units;
  }
  return writes;
}
