// The local runtime's fault injection (startLocalRuntime({ faults })): wraps every queue, API and scheduled
// function, and the handlers' SDK clients, as the plan says; counts what it did; and can make messages
// poison on demand (a bug that fails every delivery of them) and cure them again (the fix is deployed).
import type { ApiHandler } from '../http/api-server.js';
import type { SqsLambdaHandler } from '../sqs/event-source.js';
import { resolveFaultPlan, type FaultOptions, type ResolvedFaultPlan } from './fault-plan.js';
import { emptyFaultStats, type FaultStats } from './fault-stats.js';
import { withHttpFaults } from './http-faults.js';
import { withScheduleFaults, type ScheduledHandler } from './schedule-faults.js';
import { injectSdkFaults } from './sdk-faults.js';
import { withSqsFaults } from './sqs-faults.js';

export class FaultInjector {
  readonly plan: ResolvedFaultPlan;
  readonly stats: FaultStats = emptyFaultStats();
  private readonly faultsByMessage = new Map<string, number>();
  private readonly poisonMarks = new Set<string>();
  private detachSdk: (() => void) | undefined;

  constructor(options: FaultOptions) {
    this.plan = resolveFaultPlan(options);
  }

  /** From now on every delivery of a message whose body contains `mark` fails (until cure). */
  poison(mark: string): void {
    this.poisonMarks.add(mark);
  }

  cure(mark: string): void {
    this.poisonMarks.delete(mark);
  }

  private isPoison = (body: string): boolean => {
    for (const mark of this.poisonMarks) if (body.includes(mark)) return true;
    return false;
  };

  wrapSqs(handler: SqsLambdaHandler): SqsLambdaHandler {
    return withSqsFaults(handler, { plan: this.plan, stats: this.stats, faultsByMessage: this.faultsByMessage, isPoison: this.isPoison });
  }

  wrapHttp(handler: ApiHandler): ApiHandler {
    return withHttpFaults(handler, this.plan, this.stats);
  }

  wrapSchedule<E, C extends { functionName: string }>(handler: ScheduledHandler<E, C>): ScheduledHandler<E, C> {
    return withScheduleFaults(handler, this.plan, this.stats);
  }

  /** Starts the SDK faults (call once the handlers' environment is set). */
  start(): void {
    this.detachSdk ??= injectSdkFaults(this.plan, this.stats);
  }

  stop(): void {
    this.detachSdk?.();
    this.detachSdk = undefined;
  }
}
