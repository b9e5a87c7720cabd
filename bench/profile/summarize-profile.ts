// Summarizes a V8 .cpuprofile (node --cpu-prof): the functions with the most self time, and the time spent
// inside each package or project folder (inclusive: a package's time counts everything it called).
//   npx tsx bench/profile/summarize-profile.ts <file.cpuprofile> [rows]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function ownerOf(url: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const project = /\/(shared|functions|infra|bench)\/([^/]+)/.exec(url);
  if (project) return `${project[1]}/${project[2]}`;
  return url.startsWith('node:') ? url : url ? 'other' : '(native)';
}

export function summarize(profile: Profile, rows = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfTime = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    selfTime.set(id, (selfTime.get(id) ?? 0) + dt);
    total += dt;
  });
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, t] of selfTime) {
    const node = byId.get(id)!;
    const name = `${node.callFrame.functionName || '(anonymous)'} ${ownerOf(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + t);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const owner = ownerOf(byId.get(cur)!.callFrame.url);
      if (!seen.has(owner)) {
        seen.add(owner);
        inclusive.set(owner, (inclusive.get(owner) ?? 0) + t);
      }
    }
  }
  const line = (name: string, t: number) => `${(t / 1000).toFixed(0).padStart(8)} ms ${((100 * t) / total).toFixed(1).padStart(5)}%  ${name}`;
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, rows).map(([k, t]) => line(k, t));
  return [`total ${(total / 1000).toFixed(0)} ms`, '', 'self time:', ...top(self), '', 'inclusive, by package or folder:', ...top(inclusive)].join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const [file, rows] = process.argv.slice(2);
  if (!file) {
    console.error('usage: summarize-profile.ts <file.cpuprofile> [rows]');
    process.exit(2);
  }
  console.log(summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(rows ?? 25)));
}
