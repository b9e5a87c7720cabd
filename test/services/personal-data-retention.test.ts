// The retention sweep: a case's personal data goes after the configured period (closed cases) or the period
// plus the grace (cases still open); every anonymous fact, the timeline and the figures stay; the sweep reads
// only the due days' markers, and running it twice (or twice at once) changes nothing more.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PersonalDataStore } from '../../shared/adapters/dynamo/personal-data-store.js';
import { caseKey, figuresKey } from '../../shared/adapters/dynamo/keys.js';
import type { CaseRecord } from '../../shared/domain/case-record.js';
import type { CaseStatus } from '../../shared/domain/case-status.js';
import { anonymisedText, newestDueDay, retentionDecision } from '../../shared/domain/personal-data-retention.js';
import { expirePersonalData } from '../../shared/services/expire-personal-data.js';
import { intakeCase } from '../../shared/services/intake-case.js';
import { startHarness, type Harness } from '../support/service-harness.js';

const POLICY = { retentionDays: 365, openGraceDays: 180 };
const NAME = '欧阳晓明';
const PHONE = '13912345678';
const ID = '44011219900307123X';
const DAY = 24 * 3600 * 1000;

let h: Harness;
let store: PersonalDataStore;

beforeEach(async () => {
  h = await startHarness();
  store = new PersonalDataStore(h.db, h.tableName);
});
afterEach(async () => {
  await h.close();
});

async function take(at: string, content: string): Promise<string> {
  h.setNow(at);
  const outcome = await intakeCase(h.deps, {
    channel: 'phone',
    content,
    address: `黄埔区大沙街道丰乐北路 ${NAME}家 电话${PHONE}`,
    caller: { name: NAME, phone: PHONE },
    attachments: [{ url: 'https://example.org/photo.jpg', name: `${NAME}拍的照片` }],
  });
  if (outcome.kind === 'key_reused') throw new Error('unexpected');
  return outcome.caseId;
}

/** Walks a case along allowed steps (the working half is others' code: only the statuses matter here). */
async function moveTo(caseId: string, path: CaseStatus[]): Promise<void> {
  for (const to of path) {
    const record = (await h.deps.cases.get(caseId))!;
    const result = await h.deps.cases.transition(record, { to, changes: {}, event: { type: 'closed', at: h.deps.now().toISOString(), actor: { kind: 'system', id: 'test' } } }, h.deps.now().toISOString());
    expect(result.ok).toBe(true);
  }
}

const CLOSE_PATH: CaseStatus[] = ['dispatched_to_department', 'accepted', 'resolved', 'closed'];
const sweep = (at: string) => {
  h.setNow(at);
  return expirePersonalData({ cases: h.deps.cases, personalData: store, now: h.deps.now, policy: POLICY });
};
const rawCase = async (caseId: string) => (await h.db.send(new GetCommand({ TableName: h.tableName, Key: caseKey(caseId) }))).Item as CaseRecord & Record<string, unknown>;

describe('personal data retention', () => {
  it('removes the caller, attachments, name, phone and ID numbers of a closed case after the period, and nothing else', async () => {
    const closed = await take('2026-01-10T02:00:00Z', `我是${NAME}，电话${PHONE}，身份证${ID}，欧阳先生家楼下垃圾没人清运`);
    await moveTo(closed, CLOSE_PATH);
    const open = await take('2026-01-10T03:00:00Z', `${NAME}反映：路灯坏了 ${PHONE}`);
    const recent = await take('2026-01-20T03:00:00Z', `${NAME}：井盖丢了`);
    await moveTo(recent, CLOSE_PATH);
    await h.deps.figures.add({ code: '440112', name: '黄埔区', level: 'district' }, '2026-01-10', { received: 2, resolved: 1 });
    const before = await rawCase(closed);
    const timelineBefore = await h.deps.cases.timeline(closed);

    const first = await sweep('2027-01-12T00:00:00Z');
    expect(first).toMatchObject({ expired: 1, keptOpen: 1 });
    const after = await rawCase(closed);
    expect(after.caller).toBeUndefined();
    expect(after.attachments).toBeUndefined();
    const text = `${after.content} ${after.address}`;
    for (const value of [NAME, PHONE, ID, '欧阳先生']) expect(text).not.toContain(value);
    expect(after.content).toContain('垃圾没人清运');
    expect(after.personalDataExpiredAt).toBe('2027-01-12T00:00:00.000Z');
    for (const kept of ['status', 'version', 'classification', 'jurisdiction', 'owner', 'deadlines', 'createdAt', 'trackingTokenHash', 'lastEvent', 'GSI1PK', 'GSI2PK'] as const) {
      expect(after[kept], kept).toEqual(before[kept]);
    }
    expect(await h.deps.cases.timeline(closed)).toEqual(timelineBefore);
    const figures = (await h.db.send(new GetCommand({ TableName: h.tableName, Key: figuresKey('440112', '2026-01-10') }))).Item!;
    expect(figures).toMatchObject({ received: 2, resolved: 1 });
    // the open one and the recent one keep theirs
    expect((await rawCase(open)).caller).toEqual({ name: NAME, phone: PHONE });
    expect((await rawCase(recent)).caller).toEqual({ name: NAME, phone: PHONE });
  });

  it('lets an open case keep its data while worked, but not past the grace period', async () => {
    const open = await take('2026-01-10T03:00:00Z', `${NAME}反映：路灯坏了 ${PHONE}`);
    expect((await sweep('2027-03-01T00:00:00Z')).keptOpen).toBe(1);
    expect((await rawCase(open)).caller).toBeDefined();
    expect((await sweep('2027-07-10T00:00:00Z')).expired).toBe(1);
    expect((await rawCase(open)).caller).toBeUndefined();
    expect((await rawCase(open)).status).toBe('received');
  });

  it('is idempotent: a second run, or two at once, change nothing more', async () => {
    const ids = [await take('2026-01-10T02:00:00Z', `${NAME} ${PHONE} 垃圾没人清运`), await take('2026-01-10T02:05:00Z', `${ID} 路灯坏了`)];
    for (const id of ids) await moveTo(id, CLOSE_PATH);
    const [a, b] = await Promise.all([sweep('2027-01-12T00:00:00Z'), sweep('2027-01-12T00:00:00Z')]);
    expect(a.expired + b.expired).toBeGreaterThanOrEqual(2);
    const once = await Promise.all(ids.map(rawCase));
    const again = await sweep('2027-01-13T00:00:00Z');
    expect(again).toMatchObject({ markers: 0, expired: 0 });
    const twice = await Promise.all(ids.map(rawCase));
    expect(twice.map((c) => [c.content, c.address])).toEqual(once.map((c) => [c.content, c.address]));
  });

  it('reads only markers of due days from the index, and empties it as it goes', async () => {
    const id = await take('2026-01-10T02:00:00Z', `${NAME} 垃圾没人清运`);
    await moveTo(id, CLOSE_PATH);
    const markers = () => store.markersUpTo('2026-12-31', 100);
    expect((await markers()).map((m) => m.caseId)).toEqual([id]);
    expect(await store.markersUpTo('2026-01-09', 100)).toEqual([]);
    await sweep('2027-01-12T00:00:00Z');
    expect(await markers()).toEqual([]);
  });
});

describe('retention rules', () => {
  const now = new Date('2027-01-12T00:00:00Z');
  it('decides by age and status', () => {
    expect(retentionDecision({ status: 'closed', createdAt: '2026-01-10T00:00:00Z' }, now, POLICY)).toBe('expire');
    expect(retentionDecision({ status: 'merged', createdAt: '2026-01-10T00:00:00Z' }, now, POLICY)).toBe('expire');
    expect(retentionDecision({ status: 'accepted', createdAt: '2026-01-10T00:00:00Z' }, now, POLICY)).toBe('keep_open');
    expect(retentionDecision({ status: 'closed', createdAt: '2026-06-10T00:00:00Z' }, now, POLICY)).toBe('not_due');
    expect(retentionDecision({ status: 'accepted', createdAt: new Date(now.getTime() - 546 * DAY).toISOString() }, now, POLICY)).toBe('expire');
  });

  it('reads every marker up to the day the period ends', () => {
    expect(newestDueDay(now, POLICY)).toBe('2026-01-12');
    expect(newestDueDay(new Date('2027-01-11T16:30:00Z'), POLICY)).toBe('2026-01-12'); // Beijing is past midnight
  });

  it("blanks the caller's name in the forms agents write it, with phones and ID numbers", () => {
    const text = anonymisedText({ content: `欧阳晓明（欧阳先生）说：电话 139-1234-5678，身份证${ID}`, caller: { name: NAME } });
    expect(text.content).toBe('[姓名]（[姓名]）说：电话 [电话]，身份证[身份证号]');
  });
});
