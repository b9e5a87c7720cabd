// Optional persistence of the local SQS state: loads a JSON snapshot at start and writes one at most
// every `debounceMs` after a change (and on close), atomically (temporary file + rename).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { StoreSnapshot } from './store.js';

export class SnapshotFile {
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;
  private closed = false;
  private chain: Promise<void> = Promise.resolve();
  private source: (() => StoreSnapshot) | undefined;

  constructor(
    readonly path: string,
    private readonly debounceMs = 500,
  ) {}

  /** The saved snapshot, or undefined if there is no file yet. A corrupt file is an error. */
  async load(): Promise<StoreSnapshot | undefined> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      return JSON.parse(text) as StoreSnapshot;
    } catch (error) {
      throw new Error(`SQS state file ${this.path} is not valid JSON: ${(error as Error).message}`);
    }
  }

  /** Starts saving: snapshots are taken from source() when a change has been reported. */
  attach(source: () => StoreSnapshot): void {
    this.source = source;
  }

  /** Reports a change; a write follows within debounceMs. */
  changed(): void {
    this.dirty = true;
    if (this.timer || this.closed || !this.source) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.debounceMs);
    this.timer.unref();
  }

  /** Writes now if anything changed since the last write. */
  flush(): Promise<void> {
    this.chain = this.chain.then(async () => {
      if (!this.dirty || !this.source) return;
      this.dirty = false;
      const text = JSON.stringify(this.source());
      const temporary = `${this.path}.${process.pid}.tmp`;
      try {
        await mkdir(dirname(this.path), { recursive: true });
        await writeFile(temporary, text, 'utf8');
        await rename(temporary, this.path);
      } catch (error) {
        this.dirty = true;
        console.error(`[local-sqs] could not save state to ${this.path}: ${(error as Error).message}`);
      }
    });
    return this.chain;
  }

  /** Final write; no more writes afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }
}
