// The classifier's two thresholds, overridable per deployment without retraining:
// CLASSIFIER_TRIAGE_THRESHOLD (0..1: below this dispatch confidence a case goes to district triage) and
// CLASSIFIER_URGENT_THRESHOLD (0..1: at or above this model probability a case is urgent). Unset: the model's own
// thresholds, chosen by cross-validation at training time (see docs/classification.md).
import type { HotlineClassifierSettings } from '../domain/classification/hotline-classifier.js';

export const CLASSIFIER_ENV = {
  triageThreshold: 'CLASSIFIER_TRIAGE_THRESHOLD',
  urgentThreshold: 'CLASSIFIER_URGENT_THRESHOLD',
} as const;

function threshold(name: string, env: NodeJS.ProcessEnv): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new Error(`${name} must be a number between 0 and 1, got "${raw}"`);
  return value;
}

export function classifierSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): HotlineClassifierSettings {
  const triageThreshold = threshold(CLASSIFIER_ENV.triageThreshold, env);
  const urgentThreshold = threshold(CLASSIFIER_ENV.urgentThreshold, env);
  return {
    ...(triageThreshold !== undefined ? { triageThreshold } : {}),
    ...(urgentThreshold !== undefined ? { urgentThreshold } : {}),
  };
}
