// The features the linear model reads, from a prepared text (see prepareText) and the channel.
//
// | key            | what                                                              | value            |
// | -------------- | ----------------------------------------------------------------- | ---------------- |
// | `w:<word>`     | a word of two or more characters from the segmenter (or a latin/digit run such as "ktv") | 1/√n |
// | `c:<char>`     | each Chinese character                                            | 1/√n             |
// | `b:<bigram>`   | each pair of adjacent Chinese characters                          | 1/√n             |
// | `k:<category>` | keywords of that category's family in rules.ts appear             | their characters ÷ 2 |
// | `x:<category>` | words of that category's domain lexicon (category-lexicon.ts) appear | their characters ÷ 2 |
// | `t:<type>`     | cue words of that request type in rules.ts appear                 | distinct cues    |
// | `u:keyword`    | urgent keywords of rules.ts appear                                | distinct keywords |
// | `q:question`   | a question marker appears                                         | 1                |
// | `ch:<channel>` | the channel the request came in on                                | 1                |
//
// n is the number of distinct text features, so a long rambling call weighs as much as a short one in total.
// Each feature counts once per text. The rule families let the model learn how far to trust a supervisor's
// keyword list, and a keyword added to a family later counts at once, without retraining.
import type { Channel } from '../case.js';
import { isChineseChar } from './classifier-text.js';
import type { RuleTables } from './rule-tables.js';
import type { Segmenter } from './segmenter.js';

export interface FeatureVector {
  keys: string[];
  values: number[];
  /** for rule features: the words of the text that fired them (for the explanation) */
  matched: Map<string, string[]>;
  /** the urgent keywords found, and the forced-category phrases found (target → phrases) */
  urgentWords: string[];
  forced: Map<string, string[]>;
}

function addMatch(map: Map<string, string[]>, key: string, word: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [word]);
  else if (!list.includes(word)) list.push(word);
}

export function extractFeatures(text: string, channel: Channel, segmenter: Segmenter, rules: RuleTables): FeatureVector {
  const textKeys = new Set<string>();
  for (const piece of segmenter.segment(text)) {
    const chinese = isChineseChar(piece[0]!);
    if (!chinese) {
      if (!/^\d+$/.test(piece)) textKeys.add(`w:${piece}`);
      continue;
    }
    if (piece.length >= 2) textKeys.add(`w:${piece}`);
  }
  let previous = '';
  for (const ch of text) {
    if (!isChineseChar(ch)) {
      previous = '';
      continue;
    }
    textKeys.add(`c:${ch}`);
    if (previous) textKeys.add(`b:${previous}${ch}`);
    previous = ch;
  }

  const keys: string[] = [];
  const values: number[] = [];
  const scale = textKeys.size > 0 ? 1 / Math.sqrt(textKeys.size) : 0;
  for (const key of textKeys) {
    keys.push(key);
    values.push(scale);
  }

  const rule = ruleFeatures(text, channel, rules);
  return { keys: [...keys, ...rule.keys], values: [...values, ...rule.values], matched: rule.matched, urgentWords: rule.urgentWords, forced: rule.forced };
}

/** The rule and channel features (k:, x:, t:, u:, q:, ch:) and what fired them. */
export function ruleFeatures(text: string, channel: Channel, rules: RuleTables): FeatureVector {
  const keys: string[] = [];
  const values: number[] = [];
  const found = rules.find(text);
  const matched = new Map<string, string[]>();
  for (const m of found.category) for (const t of m.targets) addMatch(matched, `k:${t}`, m.keyword);
  for (const m of found.lexicon) for (const t of m.targets) addMatch(matched, `x:${t}`, m.keyword);
  for (const m of found.requestType) for (const t of m.targets) addMatch(matched, `t:${t}`, m.keyword);
  const urgentWords = [...new Set(found.urgent.filter((m) => m.targets.includes('urgent')).map((m) => m.keyword))];
  if (urgentWords.length > 0) matched.set('u:keyword', urgentWords);
  const question = rules.questionMarkers.find((m) => text.includes(m));
  if (question) matched.set('q:question', [question]);
  for (const [key, words] of matched) {
    keys.push(key);
    // a longer keyword is more specific: a family's (or lexicon's) value is the characters of its distinct keywords ÷ 2
    values.push(key.startsWith('k:') || key.startsWith('x:') ? words.reduce((n, w) => n + [...w].length, 0) / 2 : words.length);
  }
  keys.push(`ch:${channel}`);
  values.push(1);

  const forced = new Map<string, string[]>();
  for (const m of found.forced) for (const t of m.targets) addMatch(forced, t, m.keyword);
  return { keys, values, matched, urgentWords, forced };
}
