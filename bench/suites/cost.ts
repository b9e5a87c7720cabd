// Per-stage cost of a case lifecycle, and the AWS bill it makes per 10,000 cases (see cost/measure-lifecycle.ts
// for how it is measured and cost/prices.ts for the prices).
import { billFor, type Bill } from '../cost/bill.js';
import { FLOOR_EXPLANATION, FLOOR_WRITES_PER_CASE } from '../cost/floor.js';
import { measureLifecycles, type LifecycleRun, type StageCost } from '../cost/measure-lifecycle.js';
import { PRICES } from '../cost/prices.js';
import { perCaseUsage, TRACES_PER_CASE } from '../cost/usage.js';
import { figure, type Figure, type SuiteResult } from '../figure.js';
import { significant, sum } from '../stats.js';

const BILL_CASES = 10_000;

const perCase = (run: LifecycleRun, pick: (stage: StageCost) => number) => sum(run.stages.map(pick)) / run.cases;
const byStage = (run: LifecycleRun, pick: (stage: StageCost) => number, unit = '') =>
  run.stages.map((s) => `${s.functionId} ${significant(pick(s) / run.cases)}${unit}`).join(', ');

function mergeCounts(records: Array<Record<string, number>>, cases: number): string {
  const total: Record<string, number> = {};
  for (const r of records) for (const [k, v] of Object.entries(r)) total[k] = (total[k] ?? 0) + v;
  return Object.entries(total)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${significant(v / cases)}`)
    .join(', ');
}

function billNote(bill: Bill, label: string): string {
  const lines = bill.lines.map((l) => `${l.item} $${significant(l.usd, 2)}`).join(', ');
  return `${label}: ${lines}. Prices: ${PRICES.region} on-demand, ${PRICES.asOf}; Lambda arm64 GB-s at the measured local handler durations and the memory in infra/topology.ts; X-Ray at ${TRACES_PER_CASE} trace per case; logs = handler output + ~300 B of Lambda's own lines per invocation`;
}

/** Per case, pipeline stages plus the scheduled functions' per-case work (per case they looked at). */
function perCaseWithSweeps(run: LifecycleRun, pick: (stage: StageCost) => number): number {
  return perCase(run, pick) + sum((run.sweeps ?? []).map((s) => pick(s.stage) / s.looked));
}

function sweepNote(run: LifecycleRun): string {
  const sweeps = run.sweeps ?? [];
  if (sweeps.length === 0) return 'scheduled functions that look at each case (find-duplicates): not measured in this run (smoke)';
  return sweeps
    .map(
      ({ functionId, looked, stage }) =>
        `${functionId} (scheduled, per case it looked at, ${looked} cases): ${significant((stage.dynamo.writeUnits + stage.indexes.writeUnits) / looked)} WRU, ${significant(stage.dynamo.readUnits / looked)} RRU, ${significant(sum(Object.values(stage.dynamo.writesByItemKind)) / looked)} writes (${mergeCounts([stage.dynamo.writesByItemKind], looked)})`,
    )
    .join('; ');
}

export async function benchCost(options: { cases: number; sweeps: boolean; progress: (line: string) => void }): Promise<{ result: SuiteResult; runs: LifecycleRun[] }> {
  const runs = await measureLifecycles({ cases: options.cases, batchSizes: [1, 10], sweeps: options.sweeps, progress: options.progress });
  const quiet = runs.find((r) => r.batchSize === 1)!;
  const busy = runs.find((r) => r.batchSize === 10)!;
  const quietBill = billFor(perCaseUsage(quiet), BILL_CASES);
  const busyBill = billFor(perCaseUsage(busy), BILL_CASES);

  const tableWrites = perCaseWithSweeps(busy, (s) => s.dynamo.writeUnits);
  const indexWrites = perCaseWithSweeps(busy, (s) => s.indexes.writeUnits);
  const keysOnlyIndexWrites = perCaseWithSweeps(busy, (s) => s.indexes.keysOnlyWriteUnits);
  const writeRequests = perCaseWithSweeps(busy, (s) => sum(Object.values(s.dynamo.writesByItemKind)));
  const pipelineWriteRequests = perCase(busy, (s) => sum(Object.values(s.dynamo.writesByItemKind)));
  const indexBreakdown = mergeCounts(busy.stages.map((s) => s.indexes.byIndex), busy.cases);
  const lambdaMs = (run: LifecycleRun) => perCaseWithSweeps(run, (s) => sum(s.durationsMs));

  const figures: Figure[] = [
    figure(
      'DynamoDB write units per case',
      tableWrites + indexWrites,
      'WRU',
      '≤ 20 WRU',
      `${busy.cases} cases, intake → ${busy.gridBound ? 'grid' : 'where they settle'} (${busy.assigned} assigned): table ${significant(tableWrites)} (reported by dynalite via ReturnConsumedCapacity) + indexes ${significant(indexWrites)} (pipeline: ${indexBreakdown}; counted by DynamoDB's GSI rules, which dynalite does not report). By stage: ${byStage(busy, (s) => s.dynamo.writeUnits + s.indexes.writeUnits)}; ${sweepNote(busy)}. With every index KEYS_ONLY the indexes would take ${significant(keysOnlyIndexWrites)}. Workload: ${busy.workloadNote}`,
    ),
    figure(
      'DynamoDB write requests per case',
      writeRequests,
      'writes',
      `→ ${FLOOR_WRITES_PER_CASE} (floor)`,
      `pipeline ${significant(pipelineWriteRequests)}, by item (PK/SK kind): ${mergeCounts(busy.stages.map((s) => s.dynamo.writesByItemKind), busy.cases)}; then ${significant(writeRequests - pipelineWriteRequests)} by scheduled functions. ${FLOOR_EXPLANATION}`,
    ),
    figure('DynamoDB read units per case', perCaseWithSweeps(busy, (s) => s.dynamo.readUnits), 'RRU', '≤ 4 RRU', `by stage: ${byStage(busy, (s) => s.dynamo.readUnits)}, then scheduled functions ${significant(perCaseWithSweeps(busy, (s) => s.dynamo.readUnits) - perCase(busy, (s) => s.dynamo.readUnits))}`),
    figure('SQS requests per case, 1 message per batch', perCase(quiet, (s) => s.sqsRequests), 'requests', '≤ 9', `quiet hotline (each SQS batch holds one message): ${mergeCounts(quiet.stages.map((s) => s.sqsByOperation), quiet.cases)}`),
    figure('SQS requests per case, 10 per batch', perCase(busy, (s) => s.sqsRequests), 'requests', '≤ 4', `busy hotline (full batches of 10): ${mergeCounts(busy.stages.map((s) => s.sqsByOperation), busy.cases)}; empty long polls not counted (a fixed cost per hour, not per case)`),
    figure('Lambda time per case, 1 per batch', lambdaMs(quiet), 'ms', null, `measured here (x86, Node ${process.versions.node}), by function: ${byStage(quiet, (s) => sum(s.durationsMs), ' ms')}; intake timed as its HTTP round trip`),
    figure('Lambda time per case, 10 per batch', lambdaMs(busy), 'ms', null, `by function: ${byStage(busy, (s) => sum(s.durationsMs), ' ms')}`),
    figure(`AWS bill per ${BILL_CASES.toLocaleString('en-US')} cases, quiet`, quietBill.totalUsd, 'USD', '< $1', billNote(quietBill, 'quiet')),
    figure(`AWS bill per ${BILL_CASES.toLocaleString('en-US')} cases, busy`, busyBill.totalUsd, 'USD', '< $1', billNote(busyBill, 'busy')),
  ];
  return { result: { suite: 'cost per case', figures }, runs };
}
