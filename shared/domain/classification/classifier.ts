// The classifier interface. The rule-based classifier is the first implementation; later work replaces it.
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
