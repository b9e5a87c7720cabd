// Out-of-fold predictions on the training split: train on k−1 folds, classify the k-th, for every k.
// The thresholds are chosen on these (thresholds.ts), so the held-out split is never looked at while tuning.
import type { ModelData } from '../linear-model.js';
import { createModelClassifier } from '../model-classifier.js';
import { FALLBACK_CATEGORY_CODE } from '../categories.js';
import { foldOf, type LabelledExample } from './labelled-set.js';
import type { OutOfFold } from './thresholds.js';

export function outOfFold(train: readonly LabelledExample[], folds: number, build: (examples: LabelledExample[]) => ModelData): OutOfFold[] {
  const out: OutOfFold[] = [];
  for (let k = 0; k < folds; k++) {
    const inFold = train.filter((e) => foldOf(e, folds) === k);
    const rest = train.filter((e) => foldOf(e, folds) !== k);
    const classifier = createModelClassifier({ model: build(rest), triageThreshold: 0, urgentThreshold: 1 });
    for (const example of inFold) {
      const d = classifier.classifyWithDetails({ content: example.text, channel: example.channel });
      out.push({
        example,
        department: d.classification.department.code,
        confidence: d.classification.confidence,
        fallback: d.classification.category.code === FALLBACK_CATEGORY_CODE,
        urgentByRule: d.urgentByRule,
        urgentProbability: d.urgentProbability,
        predicted: d.classification,
      });
    }
  }
  return out;
}
