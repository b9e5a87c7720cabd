// The index write rules the cost benchmark applies where dynalite does not report index capacity.
import { describe, expect, it } from 'vitest';
import { gsiWriteUnits, indexEntry, writeUnitsForSize, type Projection } from '../../bench/meter/gsi-write-units.js';

const ALL: Projection = { type: 'ALL' };
const KEYS: Projection = { type: 'KEYS_ONLY' };
const byOwner = { indexName: 'byOwner', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' };
const TABLE_KEYS = ['PK', 'SK'];
/** size: 1 KB per `kb` attribute unit, so the tests can choose item sizes */
const size = (item: Record<string, unknown>) => JSON.stringify(item).length + Number(item.kb ?? 0) * 1024;

const caseItem = (owner: string, extra: Record<string, unknown> = {}) => ({ PK: 'CASE#1', SK: 'CASE', GSI1PK: owner, GSI1SK: '2026-11-24#1', status: 'received', ...extra });

describe('gsiWriteUnits (DynamoDB GSI write rules)', () => {
  it('a new item with the index keys: one write of its size', () => {
    expect(gsiWriteUnits([{ ...byOwner, projection: ALL }], TABLE_KEYS, null, caseItem('OWNER#a'), size)).toEqual({ byOwner: 1 });
    expect(gsiWriteUnits([{ ...byOwner, projection: ALL }], TABLE_KEYS, null, caseItem('OWNER#a', { kb: 2 }), size)).toEqual({ byOwner: 3 });
  });

  it('an item without the index keys is not in the (sparse) index: nothing', () => {
    expect(gsiWriteUnits([{ ...byOwner, projection: ALL }], TABLE_KEYS, null, { PK: 'SEQ#1', SK: 'SEQ', value: 3 }, size)).toEqual({});
  });

  it('a changed index key: delete the old entry and put the new one', () => {
    const before = caseItem('OWNER#a', { kb: 1 });
    const after = caseItem('OWNER#b', { kb: 1 });
    expect(gsiWriteUnits([{ ...byOwner, projection: ALL }], TABLE_KEYS, before, after, size)).toEqual({ byOwner: 4 });
  });

  it('same keys, a projected attribute changed: one write; nothing changed: no write', () => {
    const before = caseItem('OWNER#a');
    expect(gsiWriteUnits([{ ...byOwner, projection: ALL }], TABLE_KEYS, before, { ...before, status: 'assigned' }, size)).toEqual({ byOwner: 1 });
    expect(gsiWriteUnits([{ ...byOwner, projection: ALL }], TABLE_KEYS, before, { ...before }, size)).toEqual({});
  });

  it('the item leaves the index (a key removed, or the item deleted): one write of the old entry', () => {
    const before = caseItem('OWNER#a', { kb: 1 });
    const { GSI1PK: _gone, ...withoutOwner } = before;
    expect(gsiWriteUnits([{ ...byOwner, projection: ALL }], TABLE_KEYS, before, withoutOwner, size)).toEqual({ byOwner: 2 });
    expect(gsiWriteUnits([{ ...byOwner, projection: ALL }], TABLE_KEYS, before, null, size)).toEqual({ byOwner: 2 });
  });

  it('KEYS_ONLY: entries hold only keys (small), and a change to other attributes writes nothing', () => {
    const before = caseItem('OWNER#a', { kb: 3 });
    expect(gsiWriteUnits([{ ...byOwner, projection: KEYS }], TABLE_KEYS, null, before, size)).toEqual({ byOwner: 1 });
    expect(gsiWriteUnits([{ ...byOwner, projection: KEYS }], TABLE_KEYS, before, { ...before, status: 'assigned' }, size)).toEqual({});
    expect(gsiWriteUnits([{ ...byOwner, projection: KEYS }], TABLE_KEYS, before, caseItem('OWNER#b', { kb: 3 }), size)).toEqual({ byOwner: 2 });
  });

  it('index entries by projection', () => {
    const item = caseItem('OWNER#a', { content: 'text' });
    expect(indexEntry(item, byOwner, ALL, TABLE_KEYS)).toBe(item);
    expect(indexEntry(item, byOwner, KEYS, TABLE_KEYS)).toEqual({ PK: 'CASE#1', SK: 'CASE', GSI1PK: 'OWNER#a', GSI1SK: '2026-11-24#1' });
    expect(indexEntry(item, byOwner, { type: 'INCLUDE', attributes: ['status'] }, TABLE_KEYS)).toEqual({ PK: 'CASE#1', SK: 'CASE', GSI1PK: 'OWNER#a', GSI1SK: '2026-11-24#1', status: 'received' });
  });

  it('write units round up to whole kilobytes, at least one', () => {
    expect(writeUnitsForSize(0)).toBe(1);
    expect(writeUnitsForSize(1024)).toBe(1);
    expect(writeUnitsForSize(1025)).toBe(2);
  });
});
