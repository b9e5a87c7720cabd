// The classifier's thresholds from the environment: unset → the model's own; a bad value refuses to start.
import { describe, expect, it } from 'vitest';
import { classifierSettingsFromEnv } from '../../shared/services/classifier-settings.js';

describe('classifierSettingsFromEnv', () => {
  it('reads both thresholds, and leaves unset or empty ones to the model', () => {
    expect(classifierSettingsFromEnv({})).toEqual({});
    expect(classifierSettingsFromEnv({ CLASSIFIER_TRIAGE_THRESHOLD: '0.6', CLASSIFIER_URGENT_THRESHOLD: ' ' })).toEqual({ triageThreshold: 0.6 });
    expect(classifierSettingsFromEnv({ CLASSIFIER_URGENT_THRESHOLD: '0' })).toEqual({ urgentThreshold: 0 });
  });

  it('refuses a value that is not a number between 0 and 1', () => {
    expect(() => classifierSettingsFromEnv({ CLASSIFIER_TRIAGE_THRESHOLD: 'high' })).toThrow(/CLASSIFIER_TRIAGE_THRESHOLD must be a number between 0 and 1/);
    expect(() => classifierSettingsFromEnv({ CLASSIFIER_URGENT_THRESHOLD: '1.5' })).toThrow(/between 0 and 1/);
  });
});
