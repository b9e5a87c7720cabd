// Operations per second of a synchronous function over a set of inputs: a warm-up pass, then whole passes
// over the inputs until at least `minMs` have gone by. Every result goes into a sink the caller can see, so
// the work cannot be optimised away.

export interface RateResult {
  opsPerSecond: number;
  operations: number;
  elapsedMs: number;
}

export function measureRate<I>(inputs: readonly I[], operation: (input: I) => unknown, minMs = 1000): RateResult {
  if (inputs.length === 0) throw new Error('no inputs to measure with');
  let sink = 0;
  const consume = (value: unknown) => {
    sink += typeof value === 'object' && value !== null ? 1 : String(value).length;
  };
  for (const input of inputs.slice(0, Math.min(inputs.length, 200))) consume(operation(input));
  let operations = 0;
  const start = performance.now();
  let elapsedMs = 0;
  do {
    for (const input of inputs) consume(operation(input));
    operations += inputs.length;
    elapsedMs = performance.now() - start;
  } while (elapsedMs < minMs);
  if (sink < 0) console.error(sink); // never true; keeps `sink` alive
  return { opsPerSecond: (operations * 1000) / elapsedMs, operations, elapsedMs };
}
