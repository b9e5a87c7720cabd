// One standard SQS queue in memory: messages, delays, visibility timeouts, receive counts, redrive to a
// dead-letter queue, retention, and long-poll waiters. Each operation is O(1) amortised: visible messages
// sit in a FIFO deque, delayed and in-flight ones in a min-heap keyed by the time they become visible;
// entries made stale by a later state change are skipped lazily (each message carries a generation).
import { randomBytes, randomUUID } from 'node:crypto';
import { Deque, MinHeap } from './collections.js';
import { errors } from './errors.js';
import type { MessageAttributeValue } from './md5.js';
import { DEFAULT_ATTRIBUTES, parseRedrivePolicy, type RedrivePolicy } from './queue-attributes.js';

export type MessageState = 'visible' | 'inflight' | 'delayed';

export interface StoredMessage {
  readonly id: string;
  readonly body: string;
  readonly md5OfBody: string;
  readonly attributes: Record<string, MessageAttributeValue>;
  readonly systemAttributes: Record<string, MessageAttributeValue>;
  readonly sentAt: number;
  readonly senderId: string;
  /** Name of the queue this message was dead-lettered from, if any. */
  deadLetterSourceQueue?: string;
  receiveCount: number;
  firstReceiveAt?: number;
  state: MessageState;
  /** When a delayed or in-flight message becomes visible (ms epoch); 0 when visible. */
  visibleAt: number;
  /** The receipt handle of the latest receive; only this one is accepted. */
  receiptHandle?: string;
  /** Bumped on every state change: heap and deque entries with an older generation are stale. */
  gen: number;
}

export interface NewMessage {
  body: string;
  md5OfBody: string;
  attributes: Record<string, MessageAttributeValue>;
  systemAttributes: Record<string, MessageAttributeValue>;
  senderId: string;
  delaySeconds: number;
}

export interface ReceivedMessage {
  message: StoredMessage;
  receiptHandle: string;
  receiveCount: number;
  firstReceiveAt: number;
}

export interface ReceiveOptions {
  maxMessages: number;
  /** Overrides the queue's VisibilityTimeout for this receive. */
  visibilityTimeoutSeconds?: number;
}

/** What a queue needs from the registry that holds it. */
export interface QueueHost {
  getQueueIfExists(name: string): Queue | undefined;
  changed(): void;
  now(): number;
  /**
   * Extra milliseconds before a message sent, or back from a visibility timeout, becomes visible: a random
   * amount lets messages overtake each other, as a standard SQS queue may deliver them (default 0).
   */
  deliveryJitterMs?(): number;
}

export interface MessageSnapshot {
  id: string;
  body: string;
  md5OfBody: string;
  attributes: Record<string, MessageAttributeValue>;
  systemAttributes: Record<string, MessageAttributeValue>;
  sentAt: number;
  senderId: string;
  receiveCount: number;
  firstReceiveAt?: number;
  deadLetterSourceQueue?: string;
  /** Set for messages still delayed when the snapshot was taken. */
  delayedUntil?: number;
}

export interface QueueSnapshot {
  name: string;
  createdAt: number;
  lastModifiedAt: number;
  attributes: Record<string, string>;
  tags: Record<string, string>;
  messages: MessageSnapshot[];
}

interface Entry {
  msg: StoredMessage;
  gen: number;
}

interface TimedEntry extends Entry {
  at: number;
  seq: number;
}

interface Waiter {
  options: ReceiveOptions;
  finish(messages: ReceivedMessage[]): void;
}

const HANDLE_PATTERN = /^([0-9a-f-]{36}):[0-9a-f]{32}$/;

function messageIdFromHandle(handle: string): string | undefined {
  if (handle.length === 0 || handle.length > 1024) return undefined;
  const decoded = Buffer.from(handle, 'base64url').toString('utf8');
  return HANDLE_PATTERN.exec(decoded)?.[1];
}

export class Queue {
  readonly messages = new Map<string, StoredMessage>();
  attributes: Record<string, string>;
  tags: Record<string, string> = {};
  redrive: RedrivePolicy | undefined;
  private readonly ready = new Deque<Entry>();
  private readonly timed = new MinHeap<TimedEntry>((a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq));
  private seq = 0;
  private readonly counts: Record<MessageState, number> = { visible: 0, inflight: 0, delayed: 0 };
  private readonly waiters = new Set<Waiter>();
  private wakeTimer: NodeJS.Timeout | undefined;
  private wakePending = false;
  private wakeAt = Infinity;
  private closed = false;

  constructor(
    readonly name: string,
    attributes: Record<string, string>,
    readonly createdAt: number,
    public lastModifiedAt: number,
    private readonly host: QueueHost,
  ) {
    this.attributes = { ...DEFAULT_ATTRIBUTES };
    this.applyAttributes(attributes);
  }

  // ---- attributes ------------------------------------------------------------------------------

  /** Applies already-normalised attributes ('' RedrivePolicy removes it). */
  setAttributes(attributes: Record<string, string>): void {
    this.applyAttributes(attributes);
    this.lastModifiedAt = this.host.now();
    this.host.changed();
  }

  private applyAttributes(attributes: Record<string, string>): void {
    for (const [name, value] of Object.entries(attributes)) {
      if (name === 'RedrivePolicy' && value === '') delete this.attributes[name];
      else this.attributes[name] = value;
    }
    const policy = this.attributes.RedrivePolicy;
    this.redrive = policy ? parseRedrivePolicy(policy) : undefined;
  }

  private numberAttribute(name: string): number {
    return Number(this.attributes[name] ?? DEFAULT_ATTRIBUTES[name]);
  }

  get visibilityTimeoutSeconds(): number {
    return this.numberAttribute('VisibilityTimeout');
  }
  get delaySeconds(): number {
    return this.numberAttribute('DelaySeconds');
  }
  get maximumMessageSize(): number {
    return this.numberAttribute('MaximumMessageSize');
  }
  get receiveMessageWaitTimeSeconds(): number {
    return this.numberAttribute('ReceiveMessageWaitTimeSeconds');
  }
  private get retentionMs(): number {
    return this.numberAttribute('MessageRetentionPeriod') * 1000;
  }

  /** Approximate counts, as GetQueueAttributes reports them. */
  approximateCounts(): Readonly<Record<MessageState, number>> {
    const now = this.host.now();
    this.promote(now);
    this.expire(now);
    return { ...this.counts };
  }

  // ---- sending ---------------------------------------------------------------------------------

  enqueue(input: NewMessage): StoredMessage {
    const now = this.host.now();
    const msg: StoredMessage = {
      id: randomUUID(),
      body: input.body,
      md5OfBody: input.md5OfBody,
      attributes: input.attributes,
      systemAttributes: input.systemAttributes,
      sentAt: now,
      senderId: input.senderId,
      receiveCount: 0,
      state: 'delayed',
      visibleAt: 0,
      gen: 0,
    };
    this.messages.set(msg.id, msg);
    const delayMs = input.delaySeconds * 1000 + (this.host.deliveryJitterMs?.() ?? 0);
    if (delayMs > 0) {
      this.counts.delayed++;
      this.schedule(msg, now + delayMs);
      this.scheduleWake();
    } else {
      msg.state = 'visible';
      this.counts.visible++;
      this.pushReady(msg);
      this.wakeSoon();
    }
    this.host.changed();
    return msg;
  }

  /** Takes in a message dead-lettered from another queue, keeping its id, body, timestamps and count. */
  private adoptDeadLetter(source: StoredMessage, sourceQueue: string): void {
    const msg: StoredMessage = {
      ...source,
      deadLetterSourceQueue: sourceQueue,
      state: 'visible',
      visibleAt: 0,
      receiptHandle: undefined,
      gen: 0,
    };
    this.messages.delete(msg.id);
    this.messages.set(msg.id, msg);
    this.counts.visible++;
    this.pushReady(msg);
    this.wakeSoon();
  }

  // ---- receiving -------------------------------------------------------------------------------

  /**
   * Receives up to maxMessages visible messages. With waitSeconds > 0 and nothing available,
   * waits (without polling) until a message becomes visible, the time passes, the signal aborts
   * or the queue is closed.
   */
  receive(options: ReceiveOptions, waitSeconds: number, signal?: AbortSignal): Promise<ReceivedMessage[]> {
    const received = this.receiveNow(options);
    // others may be waiting: re-arm the wake timer for what this receive just put in flight
    if (received.length > 0) this.wakeSoon();
    if (received.length > 0 || waitSeconds <= 0 || this.closed || signal?.aborted) return Promise.resolve(received);
    return new Promise((resolve) => {
      const onAbort = () => waiter.finish([]);
      const timer = setTimeout(() => waiter.finish([]), waitSeconds * 1000);
      const waiter: Waiter = {
        options,
        finish: (messages) => {
          if (!this.waiters.delete(waiter)) return;
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          if (this.waiters.size === 0) this.clearWakeTimer();
          resolve(messages);
        },
      };
      this.waiters.add(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.scheduleWake();
    });
  }

  private receiveNow(options: ReceiveOptions): ReceivedMessage[] {
    const now = this.host.now();
    this.promote(now);
    this.expire(now);
    const received: ReceivedMessage[] = [];
    const backToVisible: StoredMessage[] = [];
    const timeoutSeconds = options.visibilityTimeoutSeconds ?? this.visibilityTimeoutSeconds;
    while (received.length < options.maxMessages) {
      const entry = this.ready.shift();
      if (!entry) break;
      if (!this.isLive(entry)) continue;
      const msg = entry.msg;
      if (this.redrive && msg.receiveCount >= this.redrive.maxReceiveCount && this.deadLetter(msg)) continue;
      msg.receiveCount++;
      msg.firstReceiveAt ??= now;
      msg.receiptHandle = Buffer.from(`${msg.id}:${randomBytes(16).toString('hex')}`, 'utf8').toString('base64url');
      this.counts.visible--;
      if (timeoutSeconds > 0) {
        msg.state = 'inflight';
        this.counts.inflight++;
        this.schedule(msg, now + timeoutSeconds * 1000 + (this.host.deliveryJitterMs?.() ?? 0));
      } else {
        msg.gen++;
        backToVisible.push(msg);
      }
      received.push({ message: msg, receiptHandle: msg.receiptHandle, receiveCount: msg.receiveCount, firstReceiveAt: msg.firstReceiveAt });
    }
    for (const msg of backToVisible) {
      this.counts.visible++;
      this.pushReady(msg);
    }
    if (received.length > 0 || backToVisible.length > 0) this.host.changed();
    return received;
  }

  /** Moves a message that has used up its receives to the dead-letter queue; false if there is none. */
  private deadLetter(msg: StoredMessage): boolean {
    const target = this.redrive ? this.host.getQueueIfExists(this.redrive.deadLetterQueueName) : undefined;
    if (!target || target === this) return false;
    this.remove(msg);
    target.adoptDeadLetter(msg, this.name);
    this.host.changed();
    return true;
  }

  // ---- receipt handles -------------------------------------------------------------------------

  /** Deletes the message. A well-formed handle of a message that is already gone succeeds, as in SQS. */
  deleteMessage(receiptHandle: string): void {
    const id = messageIdFromHandle(receiptHandle);
    if (id === undefined) throw errors.receiptHandleIsInvalid(receiptHandle);
    const msg = this.messages.get(id);
    if (!msg) return;
    if (msg.receiptHandle !== receiptHandle) throw errors.receiptHandleIsInvalid(receiptHandle);
    this.remove(msg);
    this.host.changed();
  }

  changeVisibility(receiptHandle: string, timeoutSeconds: number): void {
    const id = messageIdFromHandle(receiptHandle);
    if (id === undefined) throw errors.receiptHandleIsInvalid(receiptHandle);
    const msg = this.messages.get(id);
    if (!msg) {
      throw errors.invalidParameterValue(
        `Value ${receiptHandle} for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not available for visibility timeout change.`,
      );
    }
    if (msg.receiptHandle !== receiptHandle) throw errors.receiptHandleIsInvalid(receiptHandle);
    const now = this.host.now();
    this.promote(now);
    if (msg.state !== 'inflight') throw errors.messageNotInflight();
    if (timeoutSeconds > 0) {
      this.schedule(msg, now + timeoutSeconds * 1000);
      this.scheduleWake();
    } else {
      this.counts.inflight--;
      this.counts.visible++;
      this.makeVisible(msg);
      this.wakeSoon();
    }
    this.host.changed();
  }

  purge(): void {
    this.messages.clear();
    this.ready.clear();
    this.timed.clear();
    this.counts.visible = this.counts.inflight = this.counts.delayed = 0;
    this.host.changed();
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  /** Ends every pending long poll with no messages; later receives return at once. */
  close(): void {
    this.closed = true;
    for (const waiter of [...this.waiters]) waiter.finish([]);
    this.clearWakeTimer();
  }

  toSnapshot(): QueueSnapshot {
    const messages: MessageSnapshot[] = [];
    for (const msg of this.messages.values()) {
      messages.push({
        id: msg.id,
        body: msg.body,
        md5OfBody: msg.md5OfBody,
        attributes: msg.attributes,
        systemAttributes: msg.systemAttributes,
        sentAt: msg.sentAt,
        senderId: msg.senderId,
        receiveCount: msg.receiveCount,
        ...(msg.firstReceiveAt !== undefined ? { firstReceiveAt: msg.firstReceiveAt } : {}),
        ...(msg.deadLetterSourceQueue !== undefined ? { deadLetterSourceQueue: msg.deadLetterSourceQueue } : {}),
        ...(msg.state === 'delayed' ? { delayedUntil: msg.visibleAt } : {}),
      });
    }
    return {
      name: this.name,
      createdAt: this.createdAt,
      lastModifiedAt: this.lastModifiedAt,
      attributes: { ...this.attributes },
      tags: { ...this.tags },
      messages,
    };
  }

  /** Restores messages from a snapshot: in-flight ones are visible again, delayed ones stay delayed. */
  restoreMessages(snapshots: MessageSnapshot[]): void {
    const now = this.host.now();
    for (const s of snapshots) {
      const msg: StoredMessage = {
        id: s.id,
        body: s.body,
        md5OfBody: s.md5OfBody,
        attributes: s.attributes ?? {},
        systemAttributes: s.systemAttributes ?? {},
        sentAt: s.sentAt,
        senderId: s.senderId,
        receiveCount: s.receiveCount ?? 0,
        ...(s.firstReceiveAt !== undefined ? { firstReceiveAt: s.firstReceiveAt } : {}),
        ...(s.deadLetterSourceQueue !== undefined ? { deadLetterSourceQueue: s.deadLetterSourceQueue } : {}),
        state: 'visible',
        visibleAt: 0,
        gen: 0,
      };
      this.messages.set(msg.id, msg);
      if (s.delayedUntil !== undefined && s.delayedUntil > now) {
        msg.state = 'delayed';
        this.counts.delayed++;
        this.schedule(msg, s.delayedUntil);
      } else {
        this.counts.visible++;
        this.pushReady(msg);
      }
    }
  }

  // ---- internals -------------------------------------------------------------------------------

  private isLive(entry: Entry): boolean {
    return entry.msg.gen === entry.gen && this.messages.get(entry.msg.id) === entry.msg;
  }

  private pushReady(msg: StoredMessage): void {
    this.ready.push({ msg, gen: msg.gen });
    if (this.ready.length > 2 * this.counts.visible + 1024) this.ready.retain((e) => this.isLive(e));
  }

  private makeVisible(msg: StoredMessage): void {
    msg.state = 'visible';
    msg.visibleAt = 0;
    msg.gen++;
    this.pushReady(msg);
  }

  private schedule(msg: StoredMessage, at: number): void {
    msg.gen++;
    msg.visibleAt = at;
    this.timed.push({ msg, gen: msg.gen, at, seq: this.seq++ });
    if (this.timed.size > 2 * (this.counts.inflight + this.counts.delayed) + 1024) {
      this.timed.retain((e) => this.isLive(e));
    }
  }

  private remove(msg: StoredMessage): void {
    this.counts[msg.state]--;
    this.messages.delete(msg.id);
    msg.gen++;
  }

  /** Delayed and in-flight messages whose time has come become visible. */
  private promote(now: number): void {
    for (let top = this.timed.peek(); top && top.at <= now; top = this.timed.peek()) {
      this.timed.pop();
      if (!this.isLive(top)) continue;
      this.counts[top.msg.state]--;
      this.counts.visible++;
      this.makeVisible(top.msg);
    }
  }

  /** Drops messages older than the retention period (oldest first; map order is enqueue order). */
  private expire(now: number): void {
    const cutoff = now - this.retentionMs;
    for (const msg of this.messages.values()) {
      if (msg.sentAt > cutoff) break;
      this.remove(msg);
      this.host.changed();
    }
  }

  /** wake() after the current synchronous work, so a whole SendMessageBatch reaches one waiter together. */
  private wakeSoon(): void {
    if (this.wakePending || this.waiters.size === 0) return;
    this.wakePending = true;
    queueMicrotask(() => {
      this.wakePending = false;
      this.wake();
    });
  }

  /** Hands visible messages to waiting long polls, oldest waiter first. */
  private wake(): void {
    if (this.waiters.size === 0) return;
    for (const waiter of this.waiters) {
      const received = this.receiveNow(waiter.options);
      if (received.length === 0) break;
      waiter.finish(received);
    }
    this.scheduleWake();
  }

  /** While someone waits, arm one timer for when the next delayed or in-flight message becomes visible. */
  private scheduleWake(): void {
    if (this.waiters.size === 0) return this.clearWakeTimer();
    let top = this.timed.peek();
    while (top && !this.isLive(top)) {
      this.timed.pop();
      top = this.timed.peek();
    }
    if (!top) return this.clearWakeTimer();
    if (this.wakeTimer && top.at >= this.wakeAt) return;
    this.clearWakeTimer();
    this.wakeAt = top.at;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      this.wakeAt = Infinity;
      this.wake();
    }, Math.max(0, top.at - this.host.now()));
  }

  private clearWakeTimer(): void {
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
    this.wakeAt = Infinity;
  }
}
