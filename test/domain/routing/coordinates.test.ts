// GCJ-02 and WGS84: the request states the system; boundaries are WGS84.
import { describe, expect, it } from 'vitest';
import { metresPerDegree } from '../../../shared/domain/jurisdiction/geometry.js';
import { describePoint, fromWgs84, toWgs84 } from '../../../shared/domain/routing/coordinates.js';

const metresBetween = (a: readonly [number, number], b: readonly [number, number]) => {
  const m = metresPerDegree(a[1]);
  return Math.hypot((a[0] - b[0]) * m.x, (a[1] - b[1]) * m.y);
};

describe('coordinates', () => {
  it('leaves WGS84 as it is and shifts GCJ-02 by the datum offset (a few hundred metres in Guangzhou)', () => {
    expect(toWgs84({ lat: 23.1, lng: 113.45, system: 'wgs84' })).toEqual([113.45, 23.1]);
    const shifted = toWgs84({ lat: 23.1, lng: 113.45, system: 'gcj02' });
    const offset = metresBetween(shifted, [113.45, 23.1]);
    expect(offset).toBeGreaterThan(300);
    expect(offset).toBeLessThan(800);
  });

  it('reads a point without a system as GCJ-02', () => {
    expect(toWgs84({ lat: 23.1, lng: 113.45 })).toEqual(toWgs84({ lat: 23.1, lng: 113.45, system: 'gcj02' }));
  });

  it('round-trips WGS84 → GCJ-02 → WGS84 to within a metre', () => {
    const wgs: [number, number] = [113.4481, 23.1123];
    const back = toWgs84(fromWgs84(wgs, 'gcj02'));
    expect(metresBetween(back, wgs)).toBeLessThan(1);
  });

  it('leaves points outside China alone (GCJ-02 is only defined inside)', () => {
    expect(toWgs84({ lat: 51.5, lng: -0.12, system: 'gcj02' })).toEqual([-0.12, 51.5]);
  });

  it('describes a point with its system', () => {
    expect(describePoint({ lat: 23.1, lng: 113.45, system: 'wgs84' })).toBe('23.10000,113.45000(WGS84)');
    expect(describePoint({ lat: 23.1, lng: 113.45 })).toContain('未注明按GCJ-02');
  });
});
