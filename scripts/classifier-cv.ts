// npm run classifier:cv — k-fold cross-validation on the TRAINING split only, with the full report (per-category
// figures, confusion pairs, urgent requests missed). This is the figure to improve the classifier by: the held-out
// split is not read at all. Thresholds are chosen on the out-of-fold predictions exactly as classifier:train does.
// Options: --folds N (default 5); --mistakes (also print the out-of-fold department errors, training rows only);
//          --hp '{"urgentWeight":4,"ftrl":{"l1":1}}' (try other hyperparameters; merged over the defaults).
import { buildModel, DEFAULT_HYPERPARAMETERS, type Hyperparameters } from '../shared/domain/classification/training/build-model.js';
import { outOfFold } from '../shared/domain/classification/training/cross-validate.js';
import { evaluate, formatReport, type Prediction } from '../shared/domain/classification/training/metrics.js';
import { chooseTriageThreshold, chooseUrgentThreshold, DEFAULT_TARGETS } from '../shared/domain/classification/training/thresholds.js';
import { findCategory } from '../shared/domain/classification/categories.js';
import { jiebaTokenise, loadLabelled, split } from './classifier-data.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const folds = Number(arg('--folds') ?? 5);
const override = JSON.parse(arg('--hp') ?? '{}') as Partial<Hyperparameters> & { ftrl?: Partial<Hyperparameters['ftrl']> };
const hyperparameters: Hyperparameters = { ...DEFAULT_HYPERPARAMETERS, ...override, ftrl: { ...DEFAULT_HYPERPARAMETERS.ftrl, ...override.ftrl } };

const { train } = split(loadLabelled());
const started = performance.now();
const oof = outOfFold(train, folds, (examples) =>
  buildModel(examples, { tokenise: jiebaTokenise, thresholds: { triage: 0, urgent: 1 }, trainedAt: 'cross-validation', hyperparameters }),
);
const urgent = chooseUrgentThreshold(oof, DEFAULT_TARGETS.urgentRecall, DEFAULT_TARGETS.urgentMaxFalseAlarms);
const triage = chooseTriageThreshold(oof, DEFAULT_TARGETS.dispatchedDepartmentAccuracy);

const predictions: Prediction[] = oof.map((r) => {
  const fallback = r.predicted!.category.code === 'other/unclassified';
  return {
    example: r.example,
    predicted: {
      ...r.predicted!,
      urgency: r.urgentByRule || r.urgentProbability >= urgent ? 'urgent' : 'normal',
      manualTriage: fallback || r.confidence < triage,
    },
  };
});
console.log(`hyperparameters ${JSON.stringify(hyperparameters)}`);
console.log(`thresholds chosen out-of-fold: urgent ${urgent}, triage ${triage} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
console.log(formatReport(`${folds}-fold cross-validation, out-of-fold, training split`, evaluate(predictions)));
const urgentRows = oof.filter((r) => r.example.urgency === 'urgent');
const normalRows = oof.filter((r) => r.example.urgency !== 'urgent');
console.log('urgent threshold → out-of-fold urgent caught / normal requests flagged urgent:');
for (const t of [0.3, 0.2, 0.1, 0.05, 0.03, 0.02, 0.01]) {
  const flagged = (r: (typeof oof)[number]) => r.urgentByRule || r.urgentProbability >= t;
  console.log(`  ${t.toFixed(2)}: ${urgentRows.filter(flagged).length}/${urgentRows.length} caught, ${normalRows.filter(flagged).length}/${normalRows.length} normal flagged`);
}
if (process.argv.includes('--mistakes')) {
  console.log('out-of-fold department errors (training rows):');
  for (const p of predictions) {
    const expected = findCategory(p.example.category)!;
    if (expected.department !== p.predicted.department.code) {
      console.log(`  ${p.example.source} ${expected.path.join('/')} → ${p.predicted.category.path.join('/')}: ${p.example.text.slice(0, 60)}`);
    }
  }
}
