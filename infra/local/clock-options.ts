// `npm start -- --clock-speed N [--clock-start ISO]`: time travel for demos and tests. With a data folder,
// the simulated time is saved on stop (.data/clock.json) and the next fast start resumes from it, so the
// stored cases never see time run backwards.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemNow } from '../../shared/clock.js';

export interface ClockOptions {
  clockSpeed?: number;
  clockStart?: Date;
}

/** Reads --clock-speed and --clock-start from the arguments; throws with a clear message on bad values. */
export function parseClockArgs(args: readonly string[], dataDir?: string): ClockOptions {
  const speedAt = args.indexOf('--clock-speed');
  const startAt = args.indexOf('--clock-start');
  if (speedAt < 0 && startAt < 0) return {};
  const speed = speedAt >= 0 ? Number(args[speedAt + 1]) : 1;
  if (!Number.isFinite(speed) || speed < 1 || speed > 1_000_000) throw new Error(`--clock-speed must be a number from 1 to 1000000 (1440: a day a minute), got ${String(args[speedAt + 1])}`);
  let start: Date | undefined;
  if (startAt >= 0) {
    start = new Date(String(args[startAt + 1]));
    if (Number.isNaN(start.getTime())) throw new Error(`--clock-start must be an ISO-8601 time such as 2026-11-23T09:00:00+08:00, got ${String(args[startAt + 1])}`);
  } else if (dataDir) {
    const saved = savedClock(dataDir);
    if (saved && saved.getTime() > Date.now()) start = saved;
  }
  return { clockSpeed: speed, ...(start ? { clockStart: start } : {}) };
}

function clockFile(dataDir: string): string {
  return join(dataDir, 'clock.json');
}

export function savedClock(dataDir: string): Date | undefined {
  const file = clockFile(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    const at = new Date((JSON.parse(readFileSync(file, 'utf8')) as { simulatedNow?: string }).simulatedNow ?? '');
    return Number.isNaN(at.getTime()) ? undefined : at;
  } catch {
    return undefined;
  }
}

/** Saves the simulated time, if it is ahead of real time (so a later fast start resumes from it). */
export function saveClock(dataDir: string): void {
  const now = systemNow();
  if (now.getTime() > Date.now()) writeFileSync(clockFile(dataDir), JSON.stringify({ simulatedNow: now.toISOString() }, null, 2));
}
