// Time travel: the simulated clock and the local runtime's `clockSpeed`. At 3600× (an hour a second) an
// urgent case that nobody accepts is urged and escalated by the real sweep-overdue schedule within seconds.
import { afterAll, describe, expect, it } from 'vitest';
import { clockEnv, clockSettings, simulatedNow, systemNow } from '../../shared/clock.js';
import { parseClockArgs } from '../../infra/local/clock-options.js';
import { startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime.js';
import type { Harness } from '../support/service-harness.js';
import { bj, caseRecord, STREET, storeCase } from '../services/sla/sla-support.js';

describe('the simulated clock', () => {
  it('runs `speed` times as fast from its origin', () => {
    const settings = clockSettings(clockEnv(1440, new Date('2026-11-23T01:00:00Z'), 1_000_000))!;
    expect(simulatedNow(settings, 1_000_000).toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(simulatedNow(settings, 1_060_000).toISOString()).toBe('2026-11-24T01:00:00.000Z'); // a real minute: a day
  });

  it('is real time without settings, and refuses bad ones', () => {
    expect(clockSettings({})).toBeUndefined();
    expect(clockSettings({ CLOCK_SPEED: '1' })).toBeUndefined();
    expect(() => clockSettings({ CLOCK_SPEED: 'fast', CLOCK_ORIGIN: '2026-11-23T01:00:00Z', CLOCK_REAL_START: '1' })).toThrow(/bad simulated clock/);
  });

  it('reads --clock-speed and --clock-start', () => {
    expect(parseClockArgs(['--port', '3000'])).toEqual({});
    expect(parseClockArgs(['--clock-speed', '1440', '--clock-start', '2026-11-23T09:00:00+08:00'])).toEqual({ clockSpeed: 1440, clockStart: new Date('2026-11-23T01:00:00Z') });
    expect(() => parseClockArgs(['--clock-speed', '0'])).toThrow(/--clock-speed/);
    expect(() => parseClockArgs(['--clock-speed', '60', '--clock-start', 'tomorrow'])).toThrow(/--clock-start/);
  });
});

describe('the local runtime at 3600×', () => {
  let runtime: LocalRuntime | undefined;
  afterAll(async () => {
    await runtime?.stop();
  });

  it('urges and escalates an unaccepted urgent case within a few real seconds', async () => {
    const start = bj('2026-11-23T09:00');
    runtime = await startLocalRuntime({ port: 0, clockSpeed: 3600, clockStart: start });
    const simulated = systemNow();
    expect(simulated.getTime() - start.getTime()).toBeGreaterThanOrEqual(0);
    const { dependencies } = await import('../../shared/services/wiring.js');
    const deps = dependencies();
    expect(Math.abs(deps.now().getTime() - systemNow().getTime())).toBeLessThan(60 * 60_000);
    // an urgent case reaching its grid now: accept within 30 minutes, escalations 30 minutes apart
    const local = new Date(systemNow().getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
    const record = await storeCase({ deps } as unknown as Harness, caseRecord({ arrivedAt: local, urgency: 'urgent' }));
    const deadline = Date.now() + 15_000;
    let types: string[] = [];
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      types = (await deps.cases.timeline(record.caseId)).map((e) => e.type);
      if (types.filter((t) => t === 'escalated').length >= 2) break;
    }
    expect(types.filter((t) => t === 'urged').length).toBeGreaterThanOrEqual(1);
    expect(types.filter((t) => t === 'escalated')).toHaveLength(2);
    const stored = await deps.cases.get(record.caseId);
    expect(stored?.owner.level).toBe('district');
    expect(stored?.jurisdiction.street?.code).toBe(STREET.code);
  }, 30_000);
});
