import { describe, expect, it } from 'vitest';
import { builtOnFirstUse } from '../../shared/domain/built-on-first-use.js';

class Counter {
  #count = 0;
  readonly label = 'counter';
  next(): number {
    this.#count += 1;
    return this.#count;
  }
}

describe('builtOnFirstUse', () => {
  it('builds nothing until something is read, then builds once and forwards reads and calls', () => {
    let built = 0;
    const counter = builtOnFirstUse(() => {
      built += 1;
      return new Counter();
    });
    const copy = { counter };
    expect(built).toBe(0);
    expect(copy.counter.label).toBe('counter');
    expect(built).toBe(1);
    // methods run on the real object, private fields included
    expect(counter.next()).toBe(1);
    expect(copy.counter.next()).toBe(2);
    expect(built).toBe(1);
  });

  it('tries again after a failed build', () => {
    let attempts = 0;
    const flaky = builtOnFirstUse(() => {
      attempts += 1;
      if (attempts === 1) throw new Error('not yet');
      return { ready: true };
    });
    expect(() => flaky.ready).toThrow('not yet');
    expect(flaky.ready).toBe(true);
  });
});
