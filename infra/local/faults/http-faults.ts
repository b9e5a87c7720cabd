// Wraps an API function so that some invocations fail before running, or run and then lose their answer
// (the caller sees a 500 for work that was done: the case a retry with the same Idempotency-Key must find).
import type { ApiHandler } from '../http/api-server.js';
import { InjectedFault, type ResolvedFaultPlan } from './fault-plan.js';
import type { FaultStats } from './fault-stats.js';

export function withHttpFaults(handler: ApiHandler, plan: ResolvedFaultPlan, stats: FaultStats): ApiHandler {
  return async (event, context) => {
    stats.httpInvocations += 1;
    const draw = plan.random();
    if (draw < plan.httpFailBeforeRate) {
      stats.httpFailedBefore += 1;
      throw new InjectedFault(`injected: ${context.functionName} failed before running`);
    }
    const result = await handler(event, context);
    if (draw < plan.httpFailBeforeRate + plan.httpLostAnswerRate) {
      stats.httpLostAnswers += 1;
      throw new InjectedFault(`injected: ${context.functionName} ran but its answer was lost`);
    }
    return result;
  };
}
