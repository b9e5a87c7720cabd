// The Huangpu district (黄埔区, 440112) jurisdiction tree, loaded and validated from the generated
// shared/data/huangpu-jurisdiction.json (build it with `npx tsx scripts/build-jurisdiction.ts`).
// The JSON is imported, not read from disk, so Lambda bundles carry it. Communities and grids are SAMPLE data.
import data from '../../data/huangpu-jurisdiction.json' with { type: 'json' };
import { builtOnFirstUse } from '../built-on-first-use.js';
import { loadJurisdictionTree, type JurisdictionTree } from './tree.js';

export const HUANGPU_JURISDICTION_SOURCE = 'shared/data/huangpu-jurisdiction.json';

/** Validated on first use (tens of milliseconds): functions that never look at the tree do not pay for it. */
export const huangpuTree: JurisdictionTree = builtOnFirstUse(() => loadJurisdictionTree(data, HUANGPU_JURISDICTION_SOURCE));
