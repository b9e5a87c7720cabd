// The Huangpu district (黄埔区, 440112) jurisdiction tree, loaded and validated from the generated
// shared/data/huangpu-jurisdiction.json (build it with `npx tsx scripts/build-jurisdiction.ts`).
// The JSON is imported, not read from disk, so Lambda bundles carry it. Communities and grids are SAMPLE data.
import data from '../../data/huangpu-jurisdiction.json' with { type: 'json' };
import { loadJurisdictionTree, type JurisdictionTree } from './tree.js';

export const HUANGPU_JURISDICTION_SOURCE = 'shared/data/huangpu-jurisdiction.json';

export const huangpuTree: JurisdictionTree = loadJurisdictionTree(data, HUANGPU_JURISDICTION_SOURCE);
