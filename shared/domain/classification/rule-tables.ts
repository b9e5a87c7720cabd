// The supervisor's tables (rules.ts) compiled once into keyword tries, read through the classifier's text
// preparation so that 燃氣洩漏 and 燃气泄漏 are one phrase.
import { CATEGORIES } from './categories.js';
import { CATEGORY_LEXICON } from './category-lexicon.js';
import { prepareText } from './classifier-text.js';
import { keepLongest, KeywordTable, type KeywordMatch } from './keyword-table.js';
import {
  CATEGORY_RULES,
  FORCED_CATEGORY_RULES,
  QUESTION_MARKERS,
  REQUEST_TYPE_RULES,
  URGENT_EXCEPTIONS,
  URGENT_KEYWORDS,
  type CategoryRule,
  type ForcedCategoryRule,
  type RequestTypeRule,
} from './rules.js';

export interface RuleData {
  categoryKeywords: readonly CategoryRule[];
  /** the wider domain lexicon (category-lexicon.ts): its own table, so it never takes a keyword from a family */
  categoryLexicon: readonly CategoryRule[];
  requestTypeCues: readonly RequestTypeRule[];
  urgentKeywords: readonly string[];
  urgentExceptions: readonly string[];
  forcedCategories: readonly ForcedCategoryRule[];
  questionMarkers: readonly string[];
}

export const DEFAULT_RULES: RuleData = {
  categoryKeywords: CATEGORY_RULES,
  categoryLexicon: CATEGORY_LEXICON,
  requestTypeCues: REQUEST_TYPE_RULES,
  urgentKeywords: URGENT_KEYWORDS,
  urgentExceptions: URGENT_EXCEPTIONS,
  forcedCategories: FORCED_CATEGORY_RULES,
  questionMarkers: QUESTION_MARKERS,
};

/** Which table a keyword belongs to, as the prefix of its target in the combined trie. */
export type RuleTable = 'category' | 'lexicon' | 'requestType' | 'urgent' | 'forced';

export interface RuleMatches {
  /** keyword families: target = category code */
  category: KeywordMatch[];
  /** domain lexicon: target = category code */
  lexicon: KeywordMatch[];
  /** request-type cue words: target = request type */
  requestType: KeywordMatch[];
  /** target = 'urgent', or 'exception' for a phrase that cancels an urgent keyword inside it */
  urgent: KeywordMatch[];
  /** target = category code */
  forced: KeywordMatch[];
}

export interface RuleTables {
  /** every table's matches in one scan of the text; longest match wins within each table */
  find(text: string): RuleMatches;
  questionMarkers: readonly string[];
}

/** Compiles the tables; refuses a rule that names an unknown category or a keyword shorter than 2 characters. */
export function compileRules(rules: RuleData = DEFAULT_RULES): RuleTables {
  const known = new Set<string>(CATEGORIES.map((c) => c.code));
  for (const r of [...rules.categoryKeywords, ...rules.categoryLexicon, ...rules.forcedCategories]) {
    if (!known.has(r.category)) throw new Error(`rules: unknown category ${r.category}`);
  }
  // One trie for all five tables (one scan per text); a target is "<table>|<target>".
  const entry = (table: RuleTable, keyword: string, target: string) => [keyword, `${table}|${target}`] as const;
  const entries = [
    ...rules.categoryKeywords.flatMap((r) => r.keywords.map((k) => entry('category', k, r.category))),
    ...rules.categoryLexicon.flatMap((r) => r.keywords.map((k) => entry('lexicon', k, r.category))),
    ...rules.requestTypeCues.flatMap((r) => r.cues.map((c) => entry('requestType', c, r.requestType))),
    ...rules.urgentKeywords.map((k) => entry('urgent', k, 'urgent')),
    ...rules.urgentExceptions.map((k) => entry('urgent', k, 'exception')),
    ...rules.forcedCategories.flatMap((r) => r.phrases.map((p) => entry('forced', p, r.category))),
  ];
  const prepared = prepareKeywords(entries.map(([keyword]) => keyword));
  const trie = new KeywordTable('rules', entries, (keyword) => prepared.get(keyword) ?? prepareText(keyword));
  // a trie node's targets, split by table once (the node's target list is the cache key)
  const split = new WeakMap<readonly string[], Array<[RuleTable, string[]]>>();
  const byTable = (targets: readonly string[]) => {
    let out = split.get(targets);
    if (!out) {
      const map = new Map<RuleTable, string[]>();
      for (const t of targets) {
        const bar = t.indexOf('|');
        const table = t.slice(0, bar) as RuleTable;
        map.set(table, [...(map.get(table) ?? []), t.slice(bar + 1)]);
      }
      out = [...map.entries()];
      split.set(targets, out);
    }
    return out;
  };
  return {
    find(text) {
      const groups: Record<RuleTable, KeywordMatch[]> = { category: [], lexicon: [], requestType: [], urgent: [], forced: [] };
      for (const m of trie.findEvery(text)) {
        for (const [table, targets] of byTable(m.targets)) groups[table].push({ start: m.start, end: m.end, keyword: m.keyword, targets });
      }
      return {
        category: keepLongest(groups.category),
        lexicon: keepLongest(groups.lexicon),
        requestType: keepLongest(groups.requestType),
        urgent: keepLongest(groups.urgent),
        forced: keepLongest(groups.forced),
      };
    },
    questionMarkers: rules.questionMarkers.map(prepareText),
  };
}

/**
 * prepareText of every keyword, in one pass over the keywords joined by "|" (a character no step of prepareText
 * changes or reads across): one OpenCC conversion instead of ten thousand, which halves the tables' build time on
 * a cold start. A keyword holding "|" itself, or a join that does not split back evenly, is prepared on its own.
 */
export function prepareKeywords(keywords: readonly string[]): Map<string, string> {
  const plain = [...new Set(keywords.filter((k) => !k.includes(KEYWORD_JOIN)))];
  const pieces = prepareText(plain.join(KEYWORD_JOIN)).split(KEYWORD_JOIN);
  const out = new Map<string, string>();
  if (pieces.length === plain.length) plain.forEach((k, i) => out.set(k, pieces[i]!.trim()));
  return out;
}

const KEYWORD_JOIN = '|';
