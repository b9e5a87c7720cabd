// What the local runtime's fault injection does, and how often. Every rate is a fraction (0–1) of
// invocations; all default to 0, so `faults: {}` injects nothing. See docs/reliability.md.
import { MAX_RECEIVE_COUNT } from '../../topology.js';
import { seededRandom, type Random } from './random.js';

export interface FaultOptions {
  /** queue functions: the invocation throws before touching anything (the whole batch comes back later) */
  throwRate?: number;
  /** queue functions: the invocation handles only the first part of its batch, then times out (the whole
   * batch comes back, part of it already done — as when Lambda kills a function mid-batch) */
  timeoutRate?: number;
  /** queue functions: the batch is handed to two invocations at once (a duplicate delivery) */
  duplicateRate?: number;
  /** queue functions: per record, handled but reported as failed, so it is delivered again later */
  redeliverRate?: number;
  /** queue functions: hand each batch's records over in a random order */
  shuffleBatches?: boolean;
  /** the local SQS endpoint: up to this many ms of random extra delay per delivery, so messages overtake each other */
  deliveryJitterMs?: number;
  /** HTTP functions: the invocation fails (500) before running */
  httpFailBeforeRate?: number;
  /** HTTP functions: the invocation runs, then its answer is lost (500): the work is done, the caller does not know */
  httpLostAnswerRate?: number;
  /** scheduled functions: the run throws before doing anything */
  scheduleThrowRate?: number;
  /** scheduled functions: two runs at once */
  scheduleDuplicateRate?: number;
  /** AWS SDK (DynamoDB and SQS, in the handlers): a write fails before it is made (an outage, a throttle that
   * outlasted the SDK's retries) */
  sdkFailRate?: number;
  /** AWS SDK: a write succeeds but its caller gets an error, as if the process died right after it */
  sdkLostAnswerRate?: number;
  /**
   * No message is failed by injected faults more often than this, so a message that is only ever hit by
   * injected faults never reaches its DLQ (default: MAX_RECEIVE_COUNT − 2, leaving room for one real failure).
   */
  maxFaultsPerMessage?: number;
  /** seeds the random choices (default: random) */
  seed?: number;
}

export type ResolvedFaultPlan = Required<Omit<FaultOptions, 'seed'>> & { seed: number; random: Random };

export function resolveFaultPlan(options: FaultOptions): ResolvedFaultPlan {
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const rate = (name: keyof FaultOptions) => {
    const value = (options[name] as number | undefined) ?? 0;
    if (!(value >= 0 && value <= 1)) throw new Error(`fault rate ${name} must be between 0 and 1, got ${value}`);
    return value;
  };
  const plan: ResolvedFaultPlan = {
    throwRate: rate('throwRate'),
    timeoutRate: rate('timeoutRate'),
    duplicateRate: rate('duplicateRate'),
    redeliverRate: rate('redeliverRate'),
    shuffleBatches: options.shuffleBatches ?? false,
    deliveryJitterMs: Math.max(0, options.deliveryJitterMs ?? 0),
    httpFailBeforeRate: rate('httpFailBeforeRate'),
    httpLostAnswerRate: rate('httpLostAnswerRate'),
    scheduleThrowRate: rate('scheduleThrowRate'),
    scheduleDuplicateRate: rate('scheduleDuplicateRate'),
    sdkFailRate: rate('sdkFailRate'),
    sdkLostAnswerRate: rate('sdkLostAnswerRate'),
    maxFaultsPerMessage: options.maxFaultsPerMessage ?? MAX_RECEIVE_COUNT - 2,
    seed,
    random: seededRandom(seed),
  };
  if (plan.throwRate + plan.timeoutRate + plan.duplicateRate > 1) throw new Error('throwRate + timeoutRate + duplicateRate must not exceed 1');
  if (plan.sdkFailRate + plan.sdkLostAnswerRate > 1) throw new Error('sdkFailRate + sdkLostAnswerRate must not exceed 1');
  if (plan.httpFailBeforeRate + plan.httpLostAnswerRate > 1) throw new Error('httpFailBeforeRate + httpLostAnswerRate must not exceed 1');
  return plan;
}

/** An error the fault injection raised (never a real one). */
export class InjectedFault extends Error {
  override name = 'InjectedFault';
}
