// The labelled routing set (test/routing-set/): well-formed, big enough, covering every street and the ways
// addresses are written; and the two figures the routing work is held to, as regression guards: no request
// routed to a wrong street at high confidence, and street accuracy ≥ 97% on requests naming a Huangpu place.
// (`npm run routing:eval` prints the full figures.)
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { huangpuTree } from '../../../shared/domain/jurisdiction/huangpu.js';
import { findDepartment } from '../../../shared/domain/departments.js';
import { huangpuRouter } from '../../../shared/domain/routing/huangpu-router.js';
import { REPO_ROOT } from '../../../scripts/build-jurisdiction.js';
import { parseRoutingSet, readRoutingSet, route, score } from '../../../scripts/routing/routing-set.js';

const dev = readRoutingSet(join(REPO_ROOT, 'test/routing-set/dev.psv'));
const holdout = readRoutingSet(join(REPO_ROOT, 'test/routing-set/holdout.psv'));
const all = [...dev, ...holdout];

describe('the labelled routing set', () => {
  it('holds at least 300 requests with unique ids and valid labels', () => {
    expect(all.length).toBeGreaterThanOrEqual(300);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    for (const r of all) {
      const e = r.expect;
      if (e.kind === 'place') {
        expect(huangpuTree.get(e.street)?.level, r.id).toBe('street');
        if (e.community) expect(huangpuTree.get(e.community)?.parentCode, r.id).toBe(e.street);
      }
      if (e.kind === 'department') expect(findDepartment(e.department), r.id).toBeDefined();
      if (e.kind === 'triage' && e.street) expect(huangpuTree.get(e.street)?.level, r.id).toBe('street');
    }
  });

  it('covers every street in both halves, and the ways callers write an address', () => {
    for (const half of [dev, holdout]) {
      const streets = new Set(half.flatMap((r) => (r.expect.kind === 'place' ? [r.expect.street] : [])));
      expect([...streets].sort()).toEqual(huangpuTree.streets().map((s) => s.code).sort());
    }
    const tags = new Set(all.flatMap((r) => r.tags));
    for (const tag of ['full', 'traditional', 'fullwidth', 'missing-district', 'landmark', 'compound', 'typo', 'number', 'content-only', 'location-only', 'mismatch', 'asset', 'outside', 'no-place']) {
      expect(tags.has(tag), tag).toBe(true);
    }
  });

  it('parses the line format and names the line of a bad one', () => {
    const [r] = parseRoutingSet('x1|440112005/440112005001|大沙|路灯坏了|23.1,113.4,gcj02|a,b', 't.psv');
    expect(r).toMatchObject({ id: 'x1', expect: { kind: 'place', street: '440112005', community: '440112005001' }, input: { address: '大沙', content: '路灯坏了', location: { lat: 23.1, lng: 113.4, system: 'gcj02' } }, tags: ['a', 'b'] });
    expect(() => parseRoutingSet('# c\nx|somewhere||路灯坏了||', 't.psv')).toThrow('t.psv:2: bad expectation "somewhere"');
    expect(() => parseRoutingSet('x|none||路灯坏了|23.1|', 't.psv')).toThrow('t.psv:1: bad location');
  });

  it('routes no request to a wrong street at high confidence, and ≥ 97% of Huangpu places to the right street', () => {
    const s = score(huangpuRouter, all);
    expect(s.wrongStreetHighConfidence).toBe(0);
    expect(s.streetCorrect / s.place).toBeGreaterThanOrEqual(0.97);
  });

  it('routes the way the dispatchers do: a department first, then a street at or above the threshold', () => {
    expect(route(huangpuRouter, { content: '南岗河河水发臭' })).toMatchObject({ kind: 'department', department: 'water-affairs' });
    expect(route(huangpuRouter, { content: '路灯坏了' })).toMatchObject({ kind: 'district-triage' });
    expect(route(huangpuRouter, { content: 'x', address: '大沙街道' })).toMatchObject({ kind: 'street', street: '440112005', communityTriage: true });
  });
});
