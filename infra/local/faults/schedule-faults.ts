// Wraps a scheduled function (a sweep) so that some runs fail before doing anything and some run twice at
// once, as EventBridge may deliver a scheduled event more than once.
import { InjectedFault, type ResolvedFaultPlan } from './fault-plan.js';
import type { FaultStats } from './fault-stats.js';

export type ScheduledHandler<E, C> = (event: E, context: C) => Promise<unknown>;

export function withScheduleFaults<E, C extends { functionName: string }>(handler: ScheduledHandler<E, C>, plan: ResolvedFaultPlan, stats: FaultStats): ScheduledHandler<E, C> {
  return async (event, context) => {
    stats.scheduleRuns += 1;
    const draw = plan.random();
    if (draw < plan.scheduleThrowRate) {
      stats.scheduleThrown += 1;
      throw new InjectedFault(`injected: ${context.functionName} failed before running`);
    }
    if (draw < plan.scheduleThrowRate + plan.scheduleDuplicateRate) {
      stats.scheduleDuplicated += 1;
      stats.scheduleRuns += 1;
      const [first] = await Promise.all([handler(event, context), handler(event, context)]);
      return first;
    }
    return handler(event, context);
  };
}
