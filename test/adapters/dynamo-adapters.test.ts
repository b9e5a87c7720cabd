// The DynamoDB adapters on their own, against dynalite (or DynamoDB Local with DYNAMO_ENGINE=dynamodb-local):
// the conditions that keep a case from going backwards, the index keys each write leaves, and the counters.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../shared/domain/case-record.js';
import { caseKey } from '../../shared/adapters/dynamo/keys.js';
import { startHarness, type Harness } from '../support/service-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

let counter = 0;
function newRecord(): CaseRecord {
  counter += 1;
  const caseId = `HP-20261123-${String(900000 + counter)}`;
  const at = '2026-11-23T02:00:00.000Z';
  return {
    caseId,
    status: 'received',
    version: 2,
    channel: 'phone',
    content: '垃圾没人清运',
    classification: { category: { code: 'urban-management/sanitation', path: ['城市管理', '市容环境卫生'] }, requestType: 'complaint', urgency: 'normal', department: { code: 'urban-management', name: '区城市管理和综合执法局' }, routeTo: 'grid', confidence: 0.9, reason: '关键词' },
    jurisdiction: { district: { code: '440112', name: '黄埔区' }, street: null, community: null, grid: null },
    owner: { level: 'district', code: '440112', name: '黄埔区' },
    deadlines: { acceptBy: '2026-11-24T06:30:00.000Z', respondBy: '2026-11-25T15:59:59.999Z', resolveBy: '2026-11-30T15:59:59.999Z' },
    trackingTokenHash: 'a'.repeat(64),
    createdAt: at,
    updatedAt: at,
    lastEvent: { seq: 2, type: 'classified', at, actor: { kind: 'system', id: 'classifier' }, status: 'received' },
  };
}

const dasha = { code: '440112005', name: '大沙街道' };
const toStreet = { to: 'dispatched_to_street' as const, changes: { jurisdiction: { district: { code: '440112', name: '黄埔区' }, street: dasha, community: null, grid: null }, owner: { ...dasha, level: 'street' as const } }, event: { type: 'routed_to_street' as const, at: '2026-11-23T02:00:05.000Z', actor: { kind: 'system' as const, id: 'test' }, reason: '测试' } };

async function rawItem(caseId: string) {
  return (await h.db.send(new GetCommand({ TableName: h.tableName, Key: caseKey(caseId), ConsistentRead: true }))).Item!;
}

describe('CaseRepository', () => {
  it('creates a case once: a second create changes nothing', async () => {
    const record = newRecord();
    expect(await h.deps.cases.create(record, [])).toBe(true);
    expect(await h.deps.cases.create({ ...record, content: '另一个内容' }, [])).toBe(false);
    expect((await h.deps.cases.get(record.caseId))?.content).toBe('垃圾没人清运');
  });

  it('moves a case only from the status and version it was read at', async () => {
    const record = newRecord();
    await h.deps.cases.create(record, []);
    const first = await h.deps.cases.transition(record, toStreet, '2026-11-23T02:00:05.000Z');
    expect(first.ok).toBe(true);
    // the same stale read again: refused, and the current case comes back
    const stale = await h.deps.cases.transition(record, toStreet, '2026-11-23T02:00:06.000Z');
    expect(stale).toMatchObject({ ok: false, current: { status: 'dispatched_to_street', version: 3 } });
    expect((await h.deps.cases.timeline(record.caseId)).map((e) => e.seq)).toEqual([3]);
  });

  it('refuses a move the state machine does not allow, before writing anything', async () => {
    const record = newRecord();
    await h.deps.cases.create(record, []);
    await expect(h.deps.cases.transition(record, { ...toStreet, to: 'assigned' }, '2026-11-23T02:00:05.000Z')).rejects.toThrow('illegal transition');
    expect((await h.deps.cases.get(record.caseId))?.status).toBe('received');
  });

  it("moves the case between owners' work lists and watch partitions as it moves", async () => {
    const record = newRecord();
    await h.deps.cases.create(record, []);
    let item = await rawItem(record.caseId);
    expect(item.GSI1PK).toBe('OWNER#440112');
    expect(item.GSI1SK).toBe(`2026-11-24T06:30:00.000Z#${record.caseId}`);
    expect(item.GSI2PK).toMatch(/^TRANSIT#[0-3]$/);
    expect(item.GSI2SK).toBe(`2026-11-23T02:05:00.000Z#${record.caseId}`);

    await h.deps.cases.transition(record, toStreet, '2026-11-23T02:00:05.000Z');
    item = await rawItem(record.caseId);
    expect(item.GSI1PK).toBe('OWNER#440112005');
    expect(item.GSI2SK).toBe(`2026-11-23T02:05:05.000Z#${record.caseId}`);
    expect((await h.deps.cases.openCasesOf('440112005')).map((c) => c.caseId)).toContain(record.caseId);
    expect((await h.deps.cases.openCasesOf('440112')).map((c) => c.caseId)).not.toContain(record.caseId);
  });

  it('backs off the stall watch on each resend and ends it as stuck', async () => {
    let record = newRecord();
    await h.deps.cases.create(record, []);
    const watches: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { ok, watch } = await h.deps.cases.markResent(record);
      expect(ok).toBe(true);
      watches.push(`${watch.kind}@${watch.at}`);
      record = (await h.deps.cases.get(record.caseId))!;
    }
    expect(watches).toEqual([
      'transit@2026-11-23T02:10:00.000Z',
      'transit@2026-11-23T02:20:00.000Z',
      'transit@2026-11-23T02:40:00.000Z',
      'transit@2026-11-23T03:20:00.000Z',
      'stuck@2026-11-23T02:00:00.000Z',
    ]);
    expect((await rawItem(record.caseId)).GSI2PK).toMatch(/^STUCK#[0-3]$/);
    // a resend decided on an old read is refused
    expect((await h.deps.cases.markResent({ ...record, version: 1 })).ok).toBe(false);
  });

  it('pages through a long timeline in order', async () => {
    const record = newRecord();
    const events = Array.from({ length: 120 }, (_, i) => ({ ...record.lastEvent, seq: i + 1, reason: 'x'.repeat(8000) }));
    await h.deps.cases.create(record, events);
    const timeline = await h.deps.cases.timeline(record.caseId);
    expect(timeline.map((e) => e.seq)).toEqual(events.map((e) => e.seq));
  });
});

describe('CaseNumberSequence', () => {
  it('hands out 1, 2, 3 … per day, never the same number twice under concurrency', async () => {
    const numbers = await Promise.all(Array.from({ length: 20 }, () => h.deps.sequence.next('20261201')));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await h.deps.sequence.next('20261202')).toBe(1);
  });
});

describe('IntakeIdempotencyStore', () => {
  it('keeps the first reservation of a key and hands it to later ones', async () => {
    const first = { caseId: 'HP-20261123-000001', requestHash: 'h1', trackingToken: 't1', createdAt: '2026-11-23T02:00:00.000Z' };
    expect(await h.deps.idempotency.reserve('adapter-key-1', first)).toEqual(first);
    expect(await h.deps.idempotency.reserve('adapter-key-1', { ...first, caseId: 'HP-20261123-000002', trackingToken: 't2' })).toEqual(first);
    expect(await h.deps.idempotency.get('adapter-key-1', new Date('2026-11-23T03:00:00.000Z'))).toEqual(first);
    expect(await h.deps.idempotency.get('adapter-key-1', new Date('2026-11-24T02:00:00.000Z'))).toBeUndefined();
  });
});

describe('UnitFiguresStore', () => {
  it('counts per unit and day, and reads a level over a date range through its index', async () => {
    const street = { ...dasha, level: 'street' as const };
    const other = { code: '440112008', name: '南岗街道', level: 'street' as const };
    await h.deps.figures.increment(street, '2026-12-01', 'received');
    await h.deps.figures.increment(street, '2026-12-01', 'received');
    await h.deps.figures.increment(other, '2026-12-02', 'received');
    await h.deps.figures.increment(street, '2026-12-05', 'received');
    await h.deps.figures.increment({ code: '440112005001', name: '大沙东社区', level: 'community' }, '2026-12-01', 'received');
    const rows = await h.deps.figures.forLevel('street', '2026-12-01', '2026-12-02');
    expect(rows.map((r) => [r.date, r.unitCode, r.received])).toEqual([
      ['2026-12-01', '440112005', 2],
      ['2026-12-02', '440112008', 1],
    ]);
  });
});
