// npm run classifier:train — trains the classifier on the training split of data/classification/labelled/ and
// writes shared/domain/classification/model.json (shipped in the bundle).
// 1. 5-fold cross-validation on the training split gives out-of-fold predictions; the urgent and triage
//    thresholds are chosen on them (the held-out split is not read here at all, beyond being set aside).
// 2. The final model is trained on the whole training split with those thresholds.
// Options: --folds N (default 5).
import { statSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { buildModel } from '../shared/domain/classification/training/build-model.js';
import { outOfFold } from '../shared/domain/classification/training/cross-validate.js';
import { chooseTriageThreshold, chooseUrgentThreshold, DEFAULT_TARGETS } from '../shared/domain/classification/training/thresholds.js';
import { findCategory } from '../shared/domain/classification/categories.js';
import { jiebaTokenise, loadLabelled, MODEL_FILE, ROOT, split } from './classifier-data.js';

const foldsArg = process.argv.indexOf('--folds');
const folds = foldsArg > 0 ? Number(process.argv[foldsArg + 1]) : 5;

const all = loadLabelled();
const { train, heldOut } = split(all);
console.log(`labelled requests: ${all.length} — training split ${train.length}, held-out split ${heldOut.length} (set aside)`);

const started = performance.now();
const placeholder = { triage: 0, urgent: 1 };
const build = (examples: typeof train) => buildModel(examples, { tokenise: jiebaTokenise, thresholds: placeholder, trainedAt: 'cross-validation' });
const oof = outOfFold(train, folds, build);
const urgent = chooseUrgentThreshold(oof, DEFAULT_TARGETS.urgentRecall, DEFAULT_TARGETS.urgentMaxFalseAlarms);
const triage = chooseTriageThreshold(oof, DEFAULT_TARGETS.dispatchedDepartmentAccuracy);

const deptRight = oof.filter((r) => findCategory(r.example.category)!.department === r.department).length;
const urgentRows = oof.filter((r) => r.example.urgency === 'urgent');
const dispatched = oof.filter((r) => !r.fallback && r.confidence >= triage);
console.log(`${folds}-fold cross-validation on the training split (out-of-fold):`);
console.log(`  department accuracy ${((deptRight / oof.length) * 100).toFixed(1)}%`);
console.log(`  urgent threshold ${urgent} (target recall ${DEFAULT_TARGETS.urgentRecall}, at most ${DEFAULT_TARGETS.urgentMaxFalseAlarms * 100}% false alarms): recall ${((urgentRows.filter((r) => r.urgentByRule || r.urgentProbability >= urgent).length / urgentRows.length) * 100).toFixed(1)}% of ${urgentRows.length}`);
console.log(
  `  triage threshold ${triage} (target ${DEFAULT_TARGETS.dispatchedDepartmentAccuracy} department accuracy when dispatched): ` +
    `${(((oof.length - dispatched.length) / oof.length) * 100).toFixed(1)}% triaged`,
);

console.log('  urgent threshold → out-of-fold recall / normal requests flagged urgent:');
const normalRows = oof.filter((r) => r.example.urgency !== 'urgent');
for (const t of [0.5, 0.3, 0.2, 0.1, 0.05, 0.02, 0.01]) {
  const caught = urgentRows.filter((r) => r.urgentByRule || r.urgentProbability >= t).length;
  const flagged = normalRows.filter((r) => r.urgentByRule || r.urgentProbability >= t).length;
  console.log(`    ${t.toFixed(2)}: ${caught}/${urgentRows.length} caught, ${flagged}/${normalRows.length} normal flagged`);
}
for (const r of urgentRows.filter((x) => !x.urgentByRule && x.urgentProbability < urgent)) {
  console.log(`    missed at ${urgent}: p=${r.urgentProbability.toFixed(3)} ${r.example.source} ${r.example.text.slice(0, 40)}`);
}

const model = buildModel(train, { tokenise: jiebaTokenise, thresholds: { triage, urgent }, trainedAt: new Date().toISOString() });
writeFileSync(MODEL_FILE, JSON.stringify(model) + '\n');
const weights = Object.values(model.heads).reduce((n, h) => n + h.weights.reduce((m, w) => m + w.length / 2, 0), 0);
console.log(
  `wrote ${relative(ROOT, MODEL_FILE)}: ${(statSync(MODEL_FILE).size / 1024).toFixed(1)} KB, ${model.features.length} features, ` +
    `${weights} non-zero weights, vocabulary ${model.vocabulary.length} words, thresholds triage ${triage} urgent ${urgent} ` +
    `(${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
