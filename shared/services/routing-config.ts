// The router's settings from the environment, read once per process:
//   ROUTING_MIN_CONFIDENCE   decisions below it go to a person (triage); 0..1, default 0.6
//   ROUTING_BOUNDARY_METRES  within this distance of a boundary both units are named; default 100
import { createHuangpuRouter, huangpuRouter } from '../domain/routing/huangpu-router.js';
import { AUTO_DISPATCH_CONFIDENCE, DEFAULT_BOUNDARY_METRES, type RoutingEngine } from '../domain/routing/routing-engine.js';

export const ROUTING_ENV = { minConfidence: 'ROUTING_MIN_CONFIDENCE', boundaryMetres: 'ROUTING_BOUNDARY_METRES' } as const;

function numberFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, valid: (n: number) => boolean, what: string): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || !valid(n)) throw new Error(`${name} must be ${what}, got "${raw}"`);
  return n;
}

export function routingOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): { autoDispatchConfidence: number; boundaryMetres: number } {
  return {
    autoDispatchConfidence: numberFromEnv(env, ROUTING_ENV.minConfidence, AUTO_DISPATCH_CONFIDENCE, (n) => n >= 0 && n <= 1, 'a number from 0 to 1'),
    boundaryMetres: numberFromEnv(env, ROUTING_ENV.boundaryMetres, DEFAULT_BOUNDARY_METRES, (n) => n >= 0 && n <= 10_000, 'a number of metres from 0 to 10000'),
  };
}

/** The Huangpu router with the environment's settings (the shared default one when nothing is set). */
export function routerFromEnv(env: NodeJS.ProcessEnv = process.env): RoutingEngine {
  const options = routingOptionsFromEnv(env);
  const defaults = options.autoDispatchConfidence === huangpuRouter.autoDispatchConfidence && options.boundaryMetres === huangpuRouter.boundaryMetres;
  return defaults ? huangpuRouter : createHuangpuRouter(options);
}
