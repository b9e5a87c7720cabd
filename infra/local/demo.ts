// `npm run demo`: sends the sample requests in events/demo/requests.json and prints where each went.
// Talks to a running `npm start` if HOTLINE_URL (or --url) is given; otherwise starts its own runtime in memory.
import { readFileSync } from 'node:fs';
import type { caseView } from '../../shared/services/case-view.js';
import { startLocalRuntime, type LocalRuntime } from './runtime.js';

type CaseView = ReturnType<typeof caseView>;

interface DemoFile {
  requests: unknown[];
}

const SETTLED = new Set(['assigned', 'triage_district', 'triage_street', 'dispatched_to_department']);
const args = process.argv.slice(2);
const urlArg = args.indexOf('--url');
let baseUrl = urlArg >= 0 ? args[urlArg + 1] : process.env.HOTLINE_URL;
let runtime: LocalRuntime | undefined;
if (!baseUrl) {
  // the handlers' info lines would bury the demo's own output; warnings and errors still show
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  runtime = await startLocalRuntime({ port: 0 });
  baseUrl = runtime.apiUrl;
  console.log(`(no HOTLINE_URL given: started a local runtime in memory at ${baseUrl})\n`);
}

const { requests } = JSON.parse(readFileSync(new URL('../../events/demo/requests.json', import.meta.url), 'utf8')) as DemoFile;

async function postCase(body: unknown): Promise<{ caseId: string; trackingToken: string }> {
  const response = await fetch(`${baseUrl}/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status !== 201) throw new Error(`POST /cases answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { caseId: string; trackingToken: string };
}

async function settledCase(caseId: string, token: string): Promise<CaseView> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await fetch(`${baseUrl}/cases/${caseId}`, { headers: { 'x-tracking-token': token } });
    const body = (await response.json()) as CaseView;
    if (SETTLED.has(body.status) || Date.now() > deadline) return body;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

const started = Date.now();
const created = await Promise.all(requests.map((request) => postCase(request)));
const results = await Promise.all(created.map((c) => settledCase(c.caseId, c.trackingToken)));

for (const [i, result] of results.entries()) {
  const request = requests[i] as { content: string };
  const j = result.jurisdiction;
  const place = result.status === 'dispatched_to_department' ? `→ ${result.department.name}` : [j.street?.name, j.community?.name, j.grid?.name].filter(Boolean).join(' / ') || '—';
  console.log(`${result.caseId}  ${String(result.statusName).padEnd(8, '　')}  ${result.category.name} · ${result.requestTypeName}${result.urgency === 'urgent' ? ' · 紧急' : ''}`);
  console.log(`    ${request.content.slice(0, 40)}${request.content.length > 40 ? '…' : ''}`);
  console.log(`    ${place}\n`);
}
const counts = results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.statusName]: (acc[r.statusName] ?? 0) + 1 }), {});
console.log(`${results.length} cases in ${((Date.now() - started) / 1000).toFixed(1)} s: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
const first = created[0];
if (first) console.log(`\nSee one case's timeline:\n  curl -s ${baseUrl}/cases/${first.caseId}/timeline -H 'x-tracking-token: ${first.trackingToken}'`);

await runtime?.stop();
