// The classifier the hotline runs: the shipped model (model.json, written by `npm run classifier:train`) with
// the supervisor's rules (rules.ts). The model is read once per process (a Lambda cold start).
import modelJson from './model.json' with { type: 'json' };
import { LinearModel, parseModelData } from './linear-model.js';
import { createModelClassifier, type ModelClassifier } from './model-classifier.js';

export interface HotlineClassifierSettings {
  /** below this dispatch confidence a case goes to district triage; default: the model's (cross-validated) */
  triageThreshold?: number;
  /** at or above this probability a case is urgent; default: the model's (cross-validated) */
  urgentThreshold?: number;
}

let shipped: LinearModel | undefined;

/** The shipped model, parsed on first use. */
export function shippedModel(): LinearModel {
  shipped ??= new LinearModel(parseModelData(modelJson));
  return shipped;
}

export function createHotlineClassifier(settings: HotlineClassifierSettings = {}): ModelClassifier {
  return createModelClassifier({ model: shippedModel(), ...settings });
}
