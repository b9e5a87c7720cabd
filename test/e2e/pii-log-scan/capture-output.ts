// Captures everything the process writes while a test runs: process.stdout / process.stderr (where the
// Powertools logger writes) and every console method (the local runtime's own lines), still passing it on.
import { format } from 'node:util';

export interface Capture {
  text(): string;
  lines(): number;
  stop(): void;
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

export function captureOutput(): Capture {
  const chunks: string[] = [];
  const originalOut = process.stdout.write.bind(process.stdout);
  const originalErr = process.stderr.write.bind(process.stderr);
  const record = (chunk: unknown) => chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    record(chunk);
    return (originalOut as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => {
    record(chunk);
    return (originalErr as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
  const originals = CONSOLE_METHODS.map((m) => [m, console[m]] as const);
  for (const [method, original] of originals) {
    console[method] = (...args: unknown[]) => {
      chunks.push(`${format(...args)}\n`);
      original.apply(console, args);
    };
  }
  return {
    text: () => chunks.join(''),
    lines: () => chunks.join('').split('\n').filter(Boolean).length,
    stop() {
      process.stdout.write = originalOut;
      process.stderr.write = originalErr;
      for (const [method, original] of originals) console[method] = original;
    },
  };
}
