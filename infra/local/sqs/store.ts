// The registry of queues of the local SQS endpoint: create/get/list/delete queues, and turn the whole
// state into a JSON-safe snapshot (and back) for persistence.
import { errors } from './errors.js';
import {
  DEFAULT_ATTRIBUTES,
  normaliseAttributes,
  validateQueueName,
} from './queue-attributes.js';
import { Queue, type QueueHost, type QueueSnapshot } from './queue.js';

export interface StoreSnapshot {
  version: 1;
  savedAt: number;
  queues: QueueSnapshot[];
}

export interface QueueStoreOptions {
  /** Up to this many ms of random extra delay per delivery, so messages come out of order (default 0). */
  deliveryJitterMs?: number;
  /** Source of randomness for the jitter (default Math.random); a seeded one makes a run repeatable. */
  random?: () => number;
}

export class QueueStore implements QueueHost {
  private readonly queues = new Map<string, Queue>();
  private closed = false;

  constructor(
    private readonly onChange: () => void = () => {},
    private readonly options: QueueStoreOptions = {},
  ) {}

  now(): number {
    return Date.now();
  }

  deliveryJitterMs(): number {
    const max = this.options.deliveryJitterMs ?? 0;
    return max > 0 ? Math.floor((this.options.random ?? Math.random)() * max) : 0;
  }

  changed(): void {
    this.onChange();
  }

  getQueueIfExists(name: string): Queue | undefined {
    return this.queues.get(name);
  }

  getQueue(name: string): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw errors.queueDoesNotExist();
    return queue;
  }

  /** Idempotent for the same name and attributes; QueueNameExists if a given attribute differs. */
  createQueue(name: string, rawAttributes: Record<string, string> = {}, tags: Record<string, string> = {}): Queue {
    validateQueueName(name);
    const attributes = normaliseAttributes(rawAttributes, (dlq) => this.queues.has(dlq));
    const existing = this.queues.get(name);
    if (existing) {
      for (const [attribute, value] of Object.entries(attributes)) {
        const current = existing.attributes[attribute] ?? DEFAULT_ATTRIBUTES[attribute] ?? '';
        if (current !== value) {
          throw errors.queueNameExists(`A queue already exists with the same name and a different value for attribute ${attribute}`);
        }
      }
      return existing;
    }
    const now = this.now();
    const queue = new Queue(name, attributes, now, now, this);
    queue.tags = { ...tags };
    if (this.closed) queue.close();
    this.queues.set(name, queue);
    this.changed();
    return queue;
  }

  setQueueAttributes(queue: Queue, rawAttributes: Record<string, string>): void {
    queue.setAttributes(normaliseAttributes(rawAttributes, (dlq) => this.queues.has(dlq)));
  }

  deleteQueue(name: string): void {
    const queue = this.getQueue(name);
    queue.close();
    this.queues.delete(name);
    this.changed();
  }

  /** Queue names in creation order, optionally only those starting with prefix. */
  listQueueNames(prefix = ''): string[] {
    return [...this.queues.keys()].filter((name) => name.startsWith(prefix));
  }

  /** Queues whose RedrivePolicy points at the named queue. */
  deadLetterSourceNames(name: string): string[] {
    return [...this.queues.values()].filter((q) => q.redrive?.deadLetterQueueName === name).map((q) => q.name);
  }

  /** Ends every pending long poll; the store stays readable. */
  close(): void {
    this.closed = true;
    for (const queue of this.queues.values()) queue.close();
  }

  toSnapshot(): StoreSnapshot {
    return { version: 1, savedAt: this.now(), queues: [...this.queues.values()].map((q) => q.toSnapshot()) };
  }

  /** Loads queues and messages saved by toSnapshot() (replacing queues of the same name). */
  loadSnapshot(snapshot: StoreSnapshot): void {
    if (snapshot?.version !== 1 || !Array.isArray(snapshot.queues)) {
      throw new Error('Unsupported SQS state snapshot (expected version 1).');
    }
    for (const saved of snapshot.queues) {
      // The constructor does not check that a redrive target exists, so file order does not matter.
      const queue = new Queue(saved.name, saved.attributes, saved.createdAt, saved.lastModifiedAt, this);
      queue.tags = { ...(saved.tags ?? {}) };
      queue.restoreMessages(saved.messages);
      this.queues.get(saved.name)?.close();
      this.queues.set(saved.name, queue);
    }
  }
}
