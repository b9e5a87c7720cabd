// The run-time shortcut for features.ts: the same features, looked up straight in the model's feature list,
// without building a string key for every character and character pair of the text. Characters and pairs
// are looked up by their UTF-16 codes; only words and rule features go through strings. The result is the
// model's view of extractFeatures (LinearModel.resolve of it) — a test holds the two equal on the whole
// labelled set.
import type { Channel } from '../case.js';
import { isChineseChar } from './classifier-text.js';
import { ruleFeatures, type FeatureVector } from './features.js';
import type { ResolvedFeatures } from './linear-model.js';
import type { RuleTables } from './rule-tables.js';
import type { Segmenter } from './segmenter.js';

export type ResolvedVector = Pick<FeatureVector, 'matched' | 'urgentWords' | 'forced'> & { known: ResolvedFeatures };

export class FeatureResolver {
  private readonly byKey = new Map<string, number>();
  /** c:<one BMP character> by its code */
  private readonly chars = new Map<number, number>();
  /** b:<two BMP characters> by code × 65536 + code */
  private readonly pairs = new Map<number, number>();

  constructor(private readonly features: readonly string[]) {
    features.forEach((key, id) => {
      this.byKey.set(key, id);
      const rest = key.slice(2);
      if (key.startsWith('c:') && rest.length === 1) this.chars.set(rest.charCodeAt(0), id);
      else if (key.startsWith('b:') && rest.length === 2) this.pairs.set(rest.charCodeAt(0) * 65536 + rest.charCodeAt(1), id);
    });
  }

  resolve(text: string, channel: Channel, segmenter: Segmenter, rules: RuleTables): ResolvedVector {
    const ids: number[] = [];
    // distinct text features, known or not: n of the 1/√n value
    const words = new Set<string>();
    for (const piece of segmenter.segment(text)) {
      const chinese = isChineseChar(piece[0]!);
      if (chinese ? piece.length >= 2 : !/^\d+$/.test(piece)) words.add(piece);
    }
    for (const w of words) {
      const id = this.byKey.get(`w:${w}`);
      if (id !== undefined) ids.push(id);
    }
    const chars = new Set<number>();
    const pairs = new Set<number>();
    const astral = new Set<string>();
    let previous = '';
    for (const ch of text) {
      if (!isChineseChar(ch)) {
        previous = '';
        continue;
      }
      if (ch.length === 1) {
        const code = ch.charCodeAt(0);
        if (!chars.has(code)) {
          chars.add(code);
          const id = this.chars.get(code);
          if (id !== undefined) ids.push(id);
        }
      } else {
        // a character outside the BMP: by its string key, as extractFeatures does
        this.addByKey(`c:${ch}`, astral, ids);
      }
      if (previous) {
        if (ch.length === 1 && previous.length === 1) {
          const pair = previous.charCodeAt(0) * 65536 + ch.charCodeAt(0);
          if (!pairs.has(pair)) {
            pairs.add(pair);
            const id = this.pairs.get(pair);
            if (id !== undefined) ids.push(id);
          }
        } else {
          this.addByKey(`b:${previous}${ch}`, astral, ids);
        }
      }
      previous = ch;
    }
    const n = words.size + chars.size + pairs.size + astral.size;
    const scale = n > 0 ? 1 / Math.sqrt(n) : 0;
    const values: number[] = ids.map(() => scale);

    const rule = ruleFeatures(text, channel, rules);
    rule.keys.forEach((key, i) => {
      const id = this.byKey.get(key);
      if (id === undefined) return;
      ids.push(id);
      values.push(rule.values[i]!);
    });
    return {
      known: { keys: ids.map((id) => this.features[id]!), ids: Int32Array.from(ids), values: Float64Array.from(values) },
      matched: rule.matched,
      urgentWords: rule.urgentWords,
      forced: rule.forced,
    };
  }

  private addByKey(key: string, seen: Set<string>, ids: number[]): void {
    if (seen.has(key)) return;
    seen.add(key);
    const id = this.byKey.get(key);
    if (id !== undefined) ids.push(id);
  }
}
