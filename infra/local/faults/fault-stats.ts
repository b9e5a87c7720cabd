// What the fault injection did during a run: the figures docs/reliability.md reports.

export interface FaultStats {
  /** queue function invocations (batches), duplicates included */
  sqsInvocations: number;
  sqsThrown: number;
  sqsTimedOut: number;
  sqsDuplicated: number;
  /** records handled but reported failed, to be delivered again */
  sqsRedelivered: number;
  /** records failed because they are poison (see FaultInjector.poison) */
  poisonFailed: number;
  httpInvocations: number;
  httpFailedBefore: number;
  httpLostAnswers: number;
  scheduleRuns: number;
  scheduleThrown: number;
  scheduleDuplicated: number;
  /** SDK writes failed before they were made */
  sdkFailed: number;
  /** SDK writes whose answer was replaced by an error */
  sdkLostAnswers: number;
}

export function emptyFaultStats(): FaultStats {
  return {
    sqsInvocations: 0,
    sqsThrown: 0,
    sqsTimedOut: 0,
    sqsDuplicated: 0,
    sqsRedelivered: 0,
    poisonFailed: 0,
    httpInvocations: 0,
    httpFailedBefore: 0,
    httpLostAnswers: 0,
    scheduleRuns: 0,
    scheduleThrown: 0,
    scheduleDuplicated: 0,
    sdkFailed: 0,
    sdkLostAnswers: 0,
  };
}

/** Every injected fault, of any kind. */
export function faultsInjected(stats: FaultStats): number {
  return (
    stats.sqsThrown +
    stats.sqsTimedOut +
    stats.sqsDuplicated +
    stats.sqsRedelivered +
    stats.httpFailedBefore +
    stats.httpLostAnswers +
    stats.scheduleThrown +
    stats.scheduleDuplicated +
    stats.sdkFailed +
    stats.sdkLostAnswers
  );
}
