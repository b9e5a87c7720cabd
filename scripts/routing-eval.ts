// npm run routing:eval [-- --verbose] [-- <set.psv> …]
// Routes every labelled request of test/routing-set/ (dev and holdout halves, or the files given) through
// the Huangpu router exactly as the two dispatch hops do, and prints street- and community-level accuracy,
// the triage rate, and the requests routed to a wrong street (at any confidence, and at ≥ 0.8).
import { join } from 'node:path';
import { huangpuRouter } from '../shared/domain/routing/huangpu-router.js';
import { REPO_ROOT } from './build-jurisdiction.js';
import { HIGH_CONFIDENCE, readRoutingSet, score, type Scores } from './routing/routing-set.js';

export const DEFAULT_SETS = ['test/routing-set/dev.psv', 'test/routing-set/holdout.psv'];

const pct = (n: number, d: number) => (d === 0 ? '  n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

export function formatScores(name: string, s: Scores): string[] {
  return [
    `${name}: ${s.total} requests (${s.place} name a place in Huangpu, ${s.communityLabelled} with the community labelled, ${s.otherTotal} department / ambiguous / outside / no place)`,
    `  street accuracy        ${pct(s.streetCorrect, s.place)}  (${s.streetCorrect}/${s.place} routed automatically to the right street)`,
    `  street triage share    ${pct(s.placeTriaged, s.place)}  (${s.placeTriaged} of those went to district triage instead)`,
    `  wrong street           ${String(s.wrongStreet).padStart(5)}   (at confidence ≥ ${HIGH_CONFIDENCE}: ${s.wrongStreetHighConfidence})`,
    `  community accuracy     ${pct(s.communityCorrect, s.communityLabelled)}  (${s.communityCorrect}/${s.communityLabelled}; street triage ${s.communityTriaged}, wrong community ${s.communityWrong})`,
    `  other rows as labelled ${pct(s.otherCorrect, s.otherTotal)}  (${s.otherCorrect}/${s.otherTotal}: owned assets to their department, ambiguous/outside/no place to a person)`,
    `  triage rate (all)      ${pct(s.triaged, s.total)}  (${s.triaged} of ${s.total} end with a person: district or street triage)`,
  ];
}

function main(args: string[]): number {
  const verbose = args.includes('--verbose');
  const files = args.filter((a) => !a.startsWith('--'));
  const sets = (files.length ? files : DEFAULT_SETS).map((f) => ({ file: f, requests: readRoutingSet(files.length ? f : join(REPO_ROOT, f)) }));
  console.log(`router threshold ${huangpuRouter.autoDispatchConfidence}, boundary distance ${huangpuRouter.boundaryMetres} m; jurisdiction: ${huangpuRouter.tree.sample.communities ? 'SAMPLE community/grid layer' : 'official layer'}`);
  const all = sets.flatMap((s) => s.requests);
  for (const { file, requests } of sets) for (const line of formatScores(file, score(huangpuRouter, requests))) console.log(line);
  const total = score(huangpuRouter, all);
  if (sets.length > 1) for (const line of formatScores('all', total)) console.log(line);
  if (verbose) {
    console.log('\nnot as labelled:');
    for (const f of total.failures) console.log(`  ${f.request.id} [${f.request.tags.join(',')}] ${f.why}\n      address=${f.request.input.address ?? ''} content=${f.request.input.content}\n      ${f.routed.reason}`);
  }
  return total.wrongStreetHighConfidence > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
