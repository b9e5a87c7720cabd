// The router for Huangpu district (黄埔区): the text router over the Huangpu jurisdiction tree
// (communities and grids are SAMPLE data), built once per process.
import type { UnitRef } from '../case.js';
import { huangpuTree } from '../jurisdiction/huangpu.js';
import { createTextRouter, type TextRouter } from './text-router.js';

/** 黄埔区 (440112), the district this deployment serves. */
export const huangpuDistrict: UnitRef = { code: huangpuTree.district.code, name: huangpuTree.district.name };

/** 萝岗区 was merged into 黄埔区 in 2014; old addresses still carry it. */
export const huangpuRouter: TextRouter = createTextRouter(huangpuTree, { legacyDistrictNames: ['萝岗区'] });
