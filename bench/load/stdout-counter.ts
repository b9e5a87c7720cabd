// While the system runs, its handlers log to stdout as they would on Lambda (JSON lines, at the level the
// stack configures). The benchmark swallows those lines, so the table stays readable, and counts their bytes
// (CloudWatch Logs bills ingestion by the byte).
export class StdoutCounter {
  bytes = 0;
  lines = 0;
  private original: typeof process.stdout.write | undefined;

  start(): void {
    if (this.original) return;
    this.original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      this.bytes += Buffer.byteLength(text);
      for (const ch of text) if (ch === '\n') this.lines++;
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof process.stdout.write;
  }

  stop(): void {
    if (this.original) process.stdout.write = this.original;
    this.original = undefined;
  }
}
