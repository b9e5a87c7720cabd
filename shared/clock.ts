// The time the services see. On AWS it is the real time. Under `npm start -- --clock-speed N` the local
// runtime sets CLOCK_SPEED, CLOCK_ORIGIN (the simulated time at the start) and CLOCK_REAL_START (the real
// time at the start), and simulated time runs N times as fast from there: with 1440 a day of deadlines
// passes in a real minute, so urges and escalations can be watched happen. Read on every call (cheap), so
// the handlers and the local schedules agree on it.
import { ENV } from './config.js';

export interface ClockSettings {
  speed: number;
  /** simulated epoch ms at realStart */
  origin: number;
  /** real epoch ms when the simulated clock started */
  realStart: number;
}

/** The clock settings from the environment, or undefined for real time. Bad settings fail loudly. */
export function clockSettings(env: NodeJS.ProcessEnv = process.env): ClockSettings | undefined {
  const rawSpeed = env[ENV.clockSpeed];
  if (rawSpeed === undefined || rawSpeed === '' || rawSpeed === '1') return undefined;
  const speed = Number(rawSpeed);
  const origin = Date.parse(env[ENV.clockOrigin] ?? '');
  const realStart = Number(env[ENV.clockRealStart]);
  if (!Number.isFinite(speed) || speed <= 0 || Number.isNaN(origin) || !Number.isFinite(realStart)) {
    throw new Error(`bad simulated clock settings: ${ENV.clockSpeed}=${rawSpeed} ${ENV.clockOrigin}=${env[ENV.clockOrigin]} ${ENV.clockRealStart}=${env[ENV.clockRealStart]}`);
  }
  return { speed, origin, realStart };
}

export function simulatedNow(settings: ClockSettings, realNowMs: number = Date.now()): Date {
  return new Date(settings.origin + (realNowMs - settings.realStart) * settings.speed);
}

/** Now, as the services must see it. */
export function systemNow(): Date {
  const settings = clockSettings();
  return settings ? simulatedNow(settings) : new Date();
}

/** The environment that starts a simulated clock now, at `origin`, running `speed` times as fast. */
export function clockEnv(speed: number, origin: Date, realStart: number = Date.now()): Record<string, string> {
  return { [ENV.clockSpeed]: String(speed), [ENV.clockOrigin]: origin.toISOString(), [ENV.clockRealStart]: String(realStart) };
}
