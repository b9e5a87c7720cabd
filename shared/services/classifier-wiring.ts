// Imported (for its effect) by the handlers that classify: it gives wiring.ts the hotline classifier, whose
// model (~280 KB) then lands in those bundles only.
import { createHotlineClassifier } from '../domain/classification/hotline-classifier.js';
import { classifierSettingsFromEnv } from './classifier-settings.js';
import { provideClassifier } from './wiring.js';

provideClassifier(() => createHotlineClassifier(classifierSettingsFromEnv()));
