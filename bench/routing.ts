// Routing throughput, one core, no I/O: both hops (street, then community and grid) as the dispatchers run
// them, for
//   - text: the labelled requests of test/routing-set/ with their coordinates removed, on the Huangpu layer;
//   - coordinates: points spread over the Huangpu layer (GCJ-02, so the datum shift is included);
//   - coordinates on a SYNTHETIC layer of 40,000 grids (25 streets × 20 communities × 80 grids, square
//     cells), to show the spatial index keeps a lookup flat however many grids a city supplies;
// and the time to build each router (parse and validate the layer, build the name and boundary indexes),
// which a Lambda pays once per cold start. Throughput is measured in the steady state (after two seconds
// of the same work), as a warm Lambda runs.
// Run alone: npx tsx bench/routing.ts   (part of `npm run bench` through bench/suites/engines.ts)
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bboxOf, interiorPoint } from '../shared/domain/jurisdiction/geometry.js';
import { huangpuTree } from '../shared/domain/jurisdiction/huangpu.js';
import type { JurisdictionDocumentInput } from '../shared/domain/jurisdiction/schema.js';
import { loadJurisdictionTree } from '../shared/domain/jurisdiction/tree.js';
import { fromWgs84 } from '../shared/domain/routing/coordinates.js';
import { huangpuRouter } from '../shared/domain/routing/huangpu-router.js';
import type { Router, RoutingInput } from '../shared/domain/routing/router.js';
import { createRoutingEngine } from '../shared/domain/routing/routing-engine.js';
import { REPO_ROOT } from '../scripts/build-jurisdiction.js';
import { readRoutingSet } from '../scripts/routing/routing-set.js';
import { figure, type Figure } from './figure.js';
import { measureRate } from './rate.js';

/** Both hops, as dispatch-from-district and dispatch-from-street call them. */
function routeBothHops(router: Router, input: RoutingInput): unknown {
  const street = router.pickStreet(input);
  return street.street ? router.pickCommunityAndGrid(street.street.code, input) : street;
}

/** A deterministic spread of points: a 97 × 89 lattice over the box, kept where `keep` says. */
function lattice(box: readonly [number, number, number, number], keep: (p: [number, number]) => boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let j = 0; j < 89; j++) {
    for (let i = 0; i < 97; i++) {
      const p: [number, number] = [box[0] + ((box[2] - box[0]) * (i + 0.5)) / 97, box[1] + ((box[3] - box[1]) * (j + 0.5)) / 89];
      if (keep(p)) out.push(p);
    }
  }
  return out;
}

export const SYNTHETIC = { streets: 25, communitiesPerStreet: 20, gridsPerCommunity: 80, cellDegrees: 0.0015 } as const;

/** The synthetic document: streets are 40 × 40-cell blocks, communities 8 × 10 cells, one grid per cell. */
export function syntheticDocument(): JurisdictionDocumentInput {
  const { cellDegrees: s } = SYNTHETIC;
  const x0 = 113.3;
  const y0 = 23.0;
  const rect = (i0: number, j0: number, w: number, h: number) => ({
    type: 'Polygon' as const,
    coordinates: [
      [
        [x0 + i0 * s, y0 + j0 * s],
        [x0 + (i0 + w) * s, y0 + j0 * s],
        [x0 + (i0 + w) * s, y0 + (j0 + h) * s],
        [x0 + i0 * s, y0 + (j0 + h) * s],
        [x0 + i0 * s, y0 + j0 * s],
      ] as [number, number][],
    ],
  });
  const streets = Array.from({ length: SYNTHETIC.streets }, (_, st) => {
    const code = `440112${String(st + 1).padStart(3, '0')}`;
    const si = (st % 5) * 40;
    const sj = Math.floor(st / 5) * 40;
    return {
      code,
      name: `合成街道${st + 1}`,
      aliases: [],
      places: [],
      boundary: rect(si, sj, 40, 40),
      communities: Array.from({ length: SYNTHETIC.communitiesPerStreet }, (_, c) => {
        const cc = `${code}${String(c + 1).padStart(3, '0')}`;
        const ci = si + (c % 5) * 8;
        const cj = sj + Math.floor(c / 5) * 10;
        return {
          code: cc,
          name: `合成社区${st + 1}-${c + 1}`,
          aliases: [],
          places: [],
          boundary: rect(ci, cj, 8, 10),
          grids: Array.from({ length: SYNTHETIC.gridsPerCommunity }, (_, g) => ({
            code: `${cc}-${String(g + 1).padStart(2, '0')}`,
            name: `合成网格${g + 1}`,
            boundary: rect(ci + (g % 8), cj + Math.floor(g / 8), 1, 1),
          })),
        };
      }),
    };
  });
  return {
    format: 'hotline12345/jurisdiction',
    version: 2,
    generatedFrom: ['bench/routing.ts (synthetic)'],
    sample: { communities: true, grids: true, boundaries: true },
    district: { code: '440112', name: '黄埔区' },
    streets,
  };
}

/** Steady state: run the operation over the inputs for `ms` first, so the JIT has compiled the routing code. */
function warmUp<I>(inputs: readonly I[], operation: (input: I) => unknown, ms = 2000): void {
  const until = performance.now() + ms;
  while (performance.now() < until) for (const input of inputs) operation(input);
}

function timed<T>(make: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = make();
  return { value, ms: performance.now() - start };
}

export async function benchRouting(options: { minMs?: number } = {}): Promise<Figure[]> {
  const minMs = options.minMs ?? 1000;
  const figures: Figure[] = [];

  // text, on the Huangpu layer
  const requests = ['test/routing-set/dev.psv', 'test/routing-set/holdout.psv'].flatMap((f) => readRoutingSet(join(REPO_ROOT, f)));
  const texts = requests.map(({ input }) => ({ content: input.content, ...(input.address ? { address: input.address } : {}) }));
  warmUp(texts, (input) => routeBothHops(huangpuRouter, input));
  const text = measureRate(texts, (input) => routeBothHops(huangpuRouter, input), minMs);
  figures.push(figure('routes by text (Huangpu)', Math.round(text.opsPerSecond), 'per s', '≥ 5,000 /s (< 0.2 ms)', `both hops over the ${texts.length} labelled requests (address + content), one core`));

  // coordinates, on the Huangpu layer
  const district = huangpuTree.boundaryOf(huangpuTree.district.code)!;
  const points = lattice(bboxOf(district), () => true).map((p) => ({ content: '这里有问题', location: fromWgs84(p, 'gcj02') }));
  warmUp(points, (input) => routeBothHops(huangpuRouter, input));
  const coords = measureRate(points, (input) => routeBothHops(huangpuRouter, input), minMs);
  figures.push(figure('routes by coordinates (Huangpu)', Math.round(coords.opsPerSecond), 'per s', '≥ 5,000 /s (< 0.2 ms)', `both hops, ${points.length} GCJ-02 points over the district box (inside and outside), ${huangpuTree.nodesWithBoundaries().length} boundaries`));

  // coordinates, on a synthetic layer of 40,000 grids
  const doc = syntheticDocument();
  const built = timed(() => createRoutingEngine(loadJurisdictionTree(doc, 'synthetic')));
  const synthetic = built.value;
  const gridCount = SYNTHETIC.streets * SYNTHETIC.communitiesPerStreet * SYNTHETIC.gridsPerCommunity;
  const somewhere = interiorPoint(synthetic.tree.boundaryOf('440112001')!)!;
  const box = bboxOf(synthetic.tree.boundaryOf(synthetic.tree.district.code) ?? { type: 'Polygon', coordinates: [[[113.3, 23.0], [113.6, 23.0], [113.6, 23.3], [113.3, 23.3], [113.3, 23.0]]] });
  const syntheticPoints = lattice(box, () => true).map((p) => ({ content: '这里有问题', location: fromWgs84(p, 'wgs84') }));
  warmUp(syntheticPoints, (input) => routeBothHops(synthetic, input));
  const big = measureRate(syntheticPoints, (input) => routeBothHops(synthetic, input), minMs);
  figures.push(figure(`routes by coordinates (synthetic ${gridCount.toLocaleString('en')} grids)`, Math.round(big.opsPerSecond), 'per s', '≥ 5,000 /s (< 0.2 ms)', `both hops, ${syntheticPoints.length} WGS84 points; the street hop checks ${SYNTHETIC.streets} streets, the grid lookup ${gridCount} grids through the R-tree (first point ${somewhere.map((v) => v.toFixed(4)).join(',')})`));
  figures.push(figure(`router build (synthetic ${gridCount.toLocaleString('en')} grids)`, Math.round(built.ms), 'ms', null, 'validate the document (zod) and build the name and boundary indexes, once per process'));

  // the Huangpu router's own build (what a cold start pays after the JSON is loaded)
  const huangpuBuild = timed(() => createRoutingEngine(loadJurisdictionTree(huangpuTree.document, 'huangpu')));
  figures.push(figure('router build (Huangpu)', Math.round(huangpuBuild.ms), 'ms', '< 300 ms', 'validate the 2-level sample layer and build both indexes, once per cold start'));
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchRouting();
  for (const f of figures) console.log(`${f.name.padEnd(48)} ${String(f.value?.toLocaleString('en')).padStart(10)} ${f.unit.padEnd(6)} target ${f.target ?? '-'}\n    ${f.note ?? ''}`);
}
