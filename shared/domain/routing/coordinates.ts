// Coordinates as requests give them (GCJ-02 from Chinese map apps and WeChat, or WGS84 from GPS) turned
// into the WGS84 [lng, lat] the jurisdiction boundaries are stored in (gcoord does the datum shift; it
// leaves points outside China unchanged, as GCJ-02 is only defined inside).
import gcoordModule from 'gcoord';
import { DEFAULT_COORDINATE_SYSTEM, type CoordinateSystem, type GeoPoint } from '../case.js';
import type { Position } from '../jurisdiction/geometry.js';

// gcoord is CommonJS whose types declare a default export that its runtime does not have: take whichever is there
type Gcoord = typeof gcoordModule.default;
const gcoord: Gcoord = (gcoordModule as unknown as { default?: Gcoord }).default ?? (gcoordModule as unknown as Gcoord);
const CRS = { gcj02: gcoord.GCJ02, wgs84: gcoord.WGS84 } as const;

/** The point as WGS84 [lng, lat]; a point without a system is read as DEFAULT_COORDINATE_SYSTEM (GCJ-02). */
export function toWgs84(point: GeoPoint): Position {
  const system = point.system ?? DEFAULT_COORDINATE_SYSTEM;
  if (system === 'wgs84') return [point.lng, point.lat];
  const [lng, lat] = gcoord.transform([point.lng, point.lat], CRS.gcj02, CRS.wgs84) as [number, number];
  return [lng, lat];
}

/** A WGS84 [lng, lat] as a GeoPoint in the given system (for tests, tools and the benchmark). */
export function fromWgs84(position: Position, system: CoordinateSystem): GeoPoint {
  if (system === 'wgs84') return { lat: position[1], lng: position[0], system };
  const [lng, lat] = gcoord.transform([position[0], position[1]], CRS.wgs84, CRS.gcj02) as [number, number];
  return { lat, lng, system };
}

/** "23.10812,113.44821 (GCJ-02)" for reasons: 5 decimals (about 1 m). */
export function describePoint(point: GeoPoint): string {
  const system = point.system ?? DEFAULT_COORDINATE_SYSTEM;
  return `${point.lat.toFixed(5)},${point.lng.toFixed(5)}(${system === 'gcj02' ? 'GCJ-02' : 'WGS84'}${point.system ? '' : '，未注明按GCJ-02'})`;
}
