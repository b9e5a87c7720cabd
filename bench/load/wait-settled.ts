// Waits until the cases sent have gone as far as they will: all `target` assigned to a grid, or (when some
// stop before a grid, in triage or at a department) the level queues drained twice in a row.
import type { AssignmentCounter } from './assignment-counter.js';
import type { PipelineDrain } from './pipeline-drain.js';

export interface Settled {
  assigned: number;
  /** performance.now() when it was seen */
  atMs: number;
  timedOut: boolean;
}

export async function waitSettled(counter: AssignmentCounter, drain: PipelineDrain, target: number, timeoutMs: number, pollMs = 100): Promise<Settled> {
  const deadline = performance.now() + timeoutMs;
  let drainedBefore = false;
  for (;;) {
    const assigned = await counter.count();
    if (assigned >= target) return { assigned, atMs: performance.now(), timedOut: false };
    const drained = (await drain.messagesInPipeline()) === 0;
    if (drained && drainedBefore) return { assigned, atMs: performance.now(), timedOut: false };
    drainedBefore = drained;
    if (performance.now() > deadline) return { assigned, atMs: performance.now(), timedOut: true };
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
