// What the end-to-end benchmarks send: the demo requests (events/demo/requests.json), preferably those the
// running system routes all the way to a grid. Which those are is asked of the system itself (each is posted
// once and followed to where it settles), so the workload stays right when the classifier or the router
// changes; if none reaches a grid, all of them are used and the figures say so.
import { readFileSync } from 'node:fs';

const SETTLED = new Set(['assigned', 'triage_district', 'triage_street', 'dispatched_to_department']);

export interface Workload {
  /** JSON bodies to POST */
  bodies: string[];
  /** true when every body reaches a grid */
  gridBound: boolean;
  /** where each demo request settled, by status */
  outcomes: Record<string, number>;
}

/**
 * `count` request bodies from the templates, in turn, each from a caller of its own: a template's caller
 * phone becomes a distinct (fictitious, 199 prefix) number per request, as thousands of different people
 * would call, rather than one person calling thousands of times (the per-phone intake limit would refuse
 * that, rightly, with 429).
 */
export function requestBodies(templates: readonly string[], count: number, offset = 0): string[] {
  return Array.from({ length: count }, (_, i) => {
    const request = JSON.parse(templates[i % templates.length]!) as { caller?: { phone?: string } };
    if (request.caller?.phone) request.caller.phone = `199${String(offset + i).padStart(8, '0')}`;
    return JSON.stringify(request);
  });
}

export function demoRequests(): unknown[] {
  const file = new URL('../../events/demo/requests.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { requests: unknown[] }).requests;
}

async function settledStatus(apiUrl: string, caseId: string, token: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${apiUrl}/cases/${caseId}`, { headers: { 'x-tracking-token': token } });
    const { status } = (await response.json()) as { status: string };
    if (SETTLED.has(status) || Date.now() > deadline) return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function demoWorkload(apiUrl: string): Promise<Workload> {
  const bodies = demoRequests().map((r) => JSON.stringify(r));
  const settled = await Promise.all(
    bodies.map(async (body) => {
      const response = await fetch(`${apiUrl}/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      if (response.status !== 201) return `http_${response.status}`;
      const { caseId, trackingToken } = (await response.json()) as { caseId: string; trackingToken: string };
      return settledStatus(apiUrl, caseId, trackingToken, 20_000);
    }),
  );
  const outcomes: Record<string, number> = {};
  for (const status of settled) outcomes[status] = (outcomes[status] ?? 0) + 1;
  const toGrid = bodies.filter((_, i) => settled[i] === 'assigned');
  return toGrid.length > 0 ? { bodies: toGrid, gridBound: true, outcomes } : { bodies: bodies.filter((_, i) => !settled[i]!.startsWith('http_')), gridBound: false, outcomes };
}
