// The classifier interface. The hotline runs hotline-classifier.ts (a trained model with the supervisor's rules);
// rule-classifier.ts, the first implementation, is kept as the baseline the evaluation compares against.
import type { Caller, Channel, Classification } from '../case.js';

export interface ClassificationInput {
  content: string;
  channel: Channel;
  caller?: Caller;
  address?: string;
}

export interface Classifier {
  classify(input: ClassificationInput): Classification;
}
