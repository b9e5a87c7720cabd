// The labelled requests (data/classification/labelled/*.txt) as data: the parser and the held-out split.
//
// File format (readable and editable by a supervisor):
//   # a comment line
//   ## urban-management/sanitation              ← the category of the rows below (a code of categories.ts)
//   complaint|normal|phone|小区门口垃圾三天没人清运   ← requestType|urgency|channel|text
// The text is the rest of the line (it may contain "|"). Personal data must already be masked ([电话], [身份证号]).
import { CHANNELS, REQUEST_TYPES, URGENCIES, type Channel, type RequestType, type Urgency } from '../../case.js';
import { findCategory } from '../categories.js';
import { prepareText } from '../classifier-text.js';

export interface LabelledExample {
  text: string;
  category: string;
  requestType: RequestType;
  urgency: Urgency;
  channel: Channel;
  /** where it came from, e.g. "urban-management.txt:12" */
  source: string;
}

export function parseLabelledFile(content: string, fileName: string): LabelledExample[] {
  const out: LabelledExample[] = [];
  let category: string | undefined;
  content.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const where = `${fileName}:${i + 1}`;
    if (!line || (line.startsWith('#') && !line.startsWith('## '))) return;
    if (line.startsWith('## ')) {
      category = line.slice(3).trim();
      if (!findCategory(category)) throw new Error(`${where}: unknown category ${category}`);
      return;
    }
    if (!category) throw new Error(`${where}: a row before any "## category" header`);
    const parts = line.split('|');
    if (parts.length < 4) throw new Error(`${where}: expected requestType|urgency|channel|text`);
    const [requestType, urgency, channel] = parts as [string, string, string];
    const text = parts.slice(3).join('|').trim();
    if (!(REQUEST_TYPES as readonly string[]).includes(requestType)) throw new Error(`${where}: unknown request type ${requestType}`);
    if (!(URGENCIES as readonly string[]).includes(urgency)) throw new Error(`${where}: unknown urgency ${urgency}`);
    if (!(CHANNELS as readonly string[]).includes(channel)) throw new Error(`${where}: unknown channel ${channel}`);
    if (!text) throw new Error(`${where}: empty text`);
    out.push({ text, category, requestType: requestType as RequestType, urgency: urgency as Urgency, channel: channel as Channel, source: where });
  });
  return out;
}

/** Formats one example as a row of the file format (for exported corrections). */
export function formatLabelledRow(e: Pick<LabelledExample, 'requestType' | 'urgency' | 'channel' | 'text'>): string {
  return `${e.requestType}|${e.urgency}|${e.channel}|${e.text.replace(/\s*\r?\n\s*/g, ' ').trim()}`;
}

/** FNV-1a, 32 bits: a stable hash with no dependencies, for the split. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export const HELD_OUT_BUCKETS = 5;

/**
 * The held-out split: one fifth of the examples, chosen by the hash of the prepared text, so the split never
 * changes when rows are added or reordered, and two rows that read the same after normalisation stay together.
 */
export function isHeldOut(e: Pick<LabelledExample, 'text'>): boolean {
  return fnv1a(prepareText(e.text)) % HELD_OUT_BUCKETS === 0;
}

/** Fold of an example for k-fold cross-validation inside the training split (a different hash salt). */
export function foldOf(e: Pick<LabelledExample, 'text'>, folds: number): number {
  return fnv1a(`fold|${prepareText(e.text)}`) % folds;
}
