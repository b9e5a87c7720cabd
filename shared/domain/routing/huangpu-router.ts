// The router for Huangpu district (黄埔区): the routing engine over the Huangpu jurisdiction tree
// (communities, grids, places and boundaries are SAMPLE data), built once per process.
import type { UnitRef } from '../case.js';
import { builtOnFirstUse } from '../built-on-first-use.js';
import { huangpuTree } from '../jurisdiction/huangpu.js';
import { HUANGPU_DISTRICT } from '../jurisdiction/huangpu-district.js';
import { createRoutingEngine, type RoutingEngine, type RoutingEngineOptions } from './routing-engine.js';

/** 黄埔区 (440112), the district this deployment serves. */
export const huangpuDistrict: UnitRef = { ...HUANGPU_DISTRICT };

/** 萝岗区 was merged into 黄埔区 in 2014 and old addresses still carry it; 黄浦区 (Shanghai's) is a common slip. */
export const HUANGPU_LEGACY_DISTRICT_NAMES = ['萝岗区', '黄浦区'] as const;

/** A Huangpu router with the given threshold and boundary distance. */
export function createHuangpuRouter(options: Omit<RoutingEngineOptions, 'legacyDistrictNames'> = {}): RoutingEngine {
  return createRoutingEngine(huangpuTree, { ...options, legacyDistrictNames: HUANGPU_LEGACY_DISTRICT_NAMES });
}

/** The Huangpu router with the default threshold (0.6) and boundary distance (100 m). */
export const huangpuRouter: RoutingEngine = builtOnFirstUse(() => createHuangpuRouter());
