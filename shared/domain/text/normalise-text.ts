// The one normalisation that every reader of citizen text starts with: full-width → half-width,
// traditional → simplified. Whitespace and case are left to each caller, which knows what it needs.
import { toHalfWidth } from './half-width.js';
import { toSimplified } from './simplified.js';

export function normaliseChineseText(text: string): string {
  return toSimplified(toHalfWidth(text));
}
