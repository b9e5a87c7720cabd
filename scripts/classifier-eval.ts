// npm run classifier:eval — evaluates the shipped model (shared/domain/classification/model.json) with the
// production classifier (model + rules + thresholds) on the held-out split of data/classification/labelled/,
// and the first, rules-only classifier on the same split for comparison.
// Options: --split held-out (default) | train (in-sample: only to see how well the model fits) | all
//          --summary: totals only (no per-category table, confusion pairs or missed requests), the way the held-out
//          split should be read so that its rows never steer the next change.
// It also prints the department accuracy and urgent recall of each writing round (the file prefix: none = round 1,
// g- = round 2, h- = round 3), so rows scored in an earlier round are never mixed up with rows never scored before.
import { readFileSync } from 'node:fs';
import { createModelClassifier } from '../shared/domain/classification/model-classifier.js';
import type { ModelData } from '../shared/domain/classification/linear-model.js';
import { ruleClassifier } from '../shared/domain/classification/rule-classifier.js';
import { evaluate, formatReport, type Prediction } from '../shared/domain/classification/training/metrics.js';
import { loadLabelled, MODEL_FILE, split } from './classifier-data.js';

const splitArg = process.argv.indexOf('--split');
const which = splitArg > 0 ? process.argv[splitArg + 1] : 'held-out';
const summary = process.argv.includes('--summary');
const all = loadLabelled();
const parts = split(all);
const examples = which === 'train' ? parts.train : which === 'all' ? all : which === 'held-out' ? parts.heldOut : undefined;
if (!examples) throw new Error(`--split must be held-out, train or all, got ${which}`);

const model = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as ModelData;
const classifier = createModelClassifier({ model });
let forced = 0;
let forcedRight = 0;
const predictions: Prediction[] = examples.map((example) => {
  const d = classifier.classifyWithDetails({ content: example.text, channel: example.channel });
  if (d.forcedCategory) {
    forced++;
    if (d.classification.category.code === example.category) forcedRight++;
  }
  return { example, predicted: d.classification };
});
const report = evaluate(predictions);
console.log(`model trained ${model.trainedAt} on ${model.trainingExamples} requests; thresholds triage ${classifier.triageThreshold}, urgent ${classifier.urgentThreshold}`);
console.log(formatReport(`model + rules on the ${which} split`, report, { summary }));
for (const [round, rows] of byRound(predictions)) {
  const r = evaluate(rows);
  console.log(
    `${round}: ${rows.length} requests, department accuracy ${(r.departmentAccuracy * 100).toFixed(1)}%, ` +
      `urgent recall ${(r.urgent.recall * 100).toFixed(1)}% (${r.urgent.caught}/${r.urgent.support})`,
  );
}
console.log(`forced-category rules applied ${forced} times, right ${forcedRight}`);

const baseline = evaluate(examples.map((example) => ({ example, predicted: ruleClassifier.classify({ content: example.text, channel: example.channel }) })));
console.log(
  `\nbaseline (rules only, rule-classifier.ts) on the same split: department accuracy ${(baseline.departmentAccuracy * 100).toFixed(1)}%, ` +
    `category accuracy ${(baseline.categoryAccuracy * 100).toFixed(1)}%, macro-F1 ${baseline.macroF1.toFixed(3)}, ` +
    `urgent recall ${(baseline.urgent.recall * 100).toFixed(1)}% (${baseline.urgent.caught}/${baseline.urgent.support})`,
);

/** The predictions grouped by the writing round of their file (data/classification/README.md). */
function byRound(predictions: readonly Prediction[]): Map<string, Prediction[]> {
  const rounds = new Map<string, Prediction[]>();
  for (const p of predictions) {
    const file = p.example.source.split(':')[0]!;
    const round = file.startsWith('h-') ? 'round 3 (h-*.txt)' : file.startsWith('g-') ? 'round 2 (g-*.txt)' : 'round 1';
    const rows = rounds.get(round);
    if (rows) rows.push(p);
    else rounds.set(round, [p]);
  }
  return new Map([...rounds.entries()].sort(([a], [b]) => a.localeCompare(b)));
}
