// The rule engine (the first classifier, kept as the baseline the eval compares against): a keyword classifier that implements `Classifier` from the tables in rules.ts and categories.ts.
// Everything is compiled once at construction (a character trie per table); classify() normalises the text,
// scans it once per table and adds up keyword weights, so it runs tens of thousands of times per second.
//
// What it decides and how:
// - category: the category whose distinct matched keywords weigh most (weight = keyword length); ties go to the
//   category with more distinct keywords, then to the earlier rule in the table. No keyword → the fallback
//   category (其他/未分类), routed down the grid for the street to decide, with confidence FALLBACK_CONFIDENCE.
// - requestType: cue words (rules.ts); no cue → 咨询 for a question, 求助 otherwise.
// - urgency: urgent as soon as one URGENT_KEYWORDS word appears that no longer URGENT_EXCEPTIONS phrase covers (the exceptions include
//   the negated keywords, "没有着火"; the question forms "有没有着火" are keywords again).
// - routeTo: from the category's routing rule (see RoutingRule in categories.ts) with the channel and request type.
// - confidence: how sure we are of the dispatch target. strength(best score) × (0.4 + 0.6 × margin), where the
//   margin is (best − second) / best and "second" is the best category that would send the case to another
//   place (another department or another routeTo). Two categories of the same department do not lower it.
// - reason: Chinese, naming the words that decided, e.g.
//   关键词“垃圾”“清运” → 城市管理/市容环境卫生；“三天没人” → 投诉；属地事项 → 派网格
// Only `content` is read: the address names places (…市场, …公园) that would mislead the keywords.
import {
  REQUEST_TYPE_NAMES,
  REQUEST_TYPES,
  type Classification,
  type RequestType,
  type Urgency,
} from '../case.js';
import { toHalfWidth } from '../text/half-width.js';
import { departmentRef, findDepartment } from '../departments.js';
import { CATEGORIES, FALLBACK_CATEGORY_CODE, toCategory, type CategoryDef } from './categories.js';
import type { ClassificationInput, Classifier } from './classifier.js';
import { KeywordTable, type KeywordMatch as Match } from './keyword-table.js';
import { resolveRoute, routeReason } from './route-for-category.js';
import {
  CATEGORY_RULES,
  QUESTION_MARKERS,
  REQUEST_TYPE_PRIORITY,
  REQUEST_TYPE_RULES,
  URGENT_EXCEPTIONS,
  URGENT_KEYWORDS,
  type CategoryRule,
  type RequestTypeRule,
} from './rules.js';

export interface RuleClassifierOptions {
  categories?: readonly CategoryDef[];
  fallbackCategory?: string;
  categoryRules?: readonly CategoryRule[];
  requestTypeRules?: readonly RequestTypeRule[];
  requestTypePriority?: readonly RequestType[];
  questionMarkers?: readonly string[];
  urgentKeywords?: readonly string[];
}

/** Confidence given to the fallback category: low enough for any triage threshold. */
export const FALLBACK_CONFIDENCE = 0.1;
/** Score at which strength reaches 1 − 1/e (≈0.63): one 3-character keyword. */
const STRENGTH_SCALE = 3;
/** A keyword table never makes the machine certain. */
const MAX_CONFIDENCE = 0.95;
/** At most this many words are named per part of the reason. */
const MAX_REASON_WORDS = 5;

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, 'g');

/**
 * Full-width ASCII (Ａ-Ｚ, ０-９, ？，！…) and the ideographic space → half-width; whitespace collapsed to one
 * space and dropped between two Chinese characters (Chinese uses no spaces, so "垃 圾" is 垃圾); ASCII lower-cased.
 */
export function normalizeText(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, ' ').trim().replace(SPACE_BETWEEN_CJK, '').toLowerCase();
}

interface Tally {
  score: number;
  /** distinct keywords, in order of first appearance */
  keywords: string[];
}

/** Sum distinct keyword weights per target. */
function tally(matches: readonly Match[]): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const m of matches) {
    for (const target of m.targets) {
      let t = out.get(target);
      if (!t) {
        t = { score: 0, keywords: [] };
        out.set(target, t);
      }
      if (t.keywords.includes(m.keyword)) continue;
      t.keywords.push(m.keyword);
      t.score += [...m.keyword].length;
    }
  }
  return out;
}

const quote = (words: readonly string[]): string =>
  words
    .slice(0, MAX_REASON_WORDS)
    .map((w) => `“${w}”`)
    .join('');

export function createRuleClassifier(options: RuleClassifierOptions = {}): Classifier {
  const categories = options.categories ?? CATEGORIES;
  const categoryByCode = new Map<string, CategoryDef>();
  const order = new Map<string, number>();
  for (const def of categories) {
    if (categoryByCode.has(def.code)) throw new Error(`category ${def.code} is defined twice`);
    if (!findDepartment(def.department)) throw new Error(`category ${def.code}: unknown department ${def.department}`);
    categoryByCode.set(def.code, def);
  }
  const fallbackCode = options.fallbackCategory ?? FALLBACK_CATEGORY_CODE;
  const maybeFallback = categoryByCode.get(fallbackCode);
  if (!maybeFallback) throw new Error(`fallback category ${fallbackCode} is not defined`);
  const fallback: CategoryDef = maybeFallback;

  const categoryRules = options.categoryRules ?? CATEGORY_RULES;
  categoryRules.forEach((rule, i) => {
    if (!categoryByCode.has(rule.category)) throw new Error(`rule ${i}: unknown category ${rule.category}`);
    if (!order.has(rule.category)) order.set(rule.category, i);
  });
  const categoryTable = new KeywordTable(
    'category rules',
    categoryRules.flatMap((r) => r.keywords.map((k) => [k, r.category] as const)),
    normalizeText,
  );

  const typeRules = options.requestTypeRules ?? REQUEST_TYPE_RULES;
  const typeTable = new KeywordTable(
    'request type rules',
    typeRules.flatMap((r) => r.cues.map((c) => [c, r.requestType] as const)),
    normalizeText,
  );
  const priority = options.requestTypePriority ?? REQUEST_TYPE_PRIORITY;
  const rank = new Map<string, number>(REQUEST_TYPES.map((t) => [t, priority.includes(t) ? priority.indexOf(t) : priority.length]));
  const questionMarkers = (options.questionMarkers ?? QUESTION_MARKERS).map(normalizeText);

  const urgentTable = new KeywordTable(
    'urgent keywords',
    [
      ...(options.urgentKeywords ?? URGENT_KEYWORDS).map((k) => [k, 'urgent'] as const),
      ...URGENT_EXCEPTIONS.map((k) => [k, 'exception'] as const),
    ],
    normalizeText,
  );

  const departmentRefs = new Map(categories.map((c) => [c.code, departmentRef(c.department)]));

  function classify(input: ClassificationInput): Classification {
    const text = normalizeText(input.content);
    const reasons: string[] = [];

    // request type
    const types = tally(typeTable.find(text));
    let requestType: RequestType;
    const bestType = [...types.entries()].sort(
      ([a, x], [b, y]) => y.score - x.score || (rank.get(a) ?? 99) - (rank.get(b) ?? 99),
    )[0];
    let typeReason: string;
    if (bestType) {
      requestType = bestType[0] as RequestType;
      typeReason = `${quote(bestType[1].keywords)} → ${REQUEST_TYPE_NAMES[requestType]}`;
    } else if (questionMarkers.some((m) => text.includes(m))) {
      requestType = 'consultation';
      typeReason = `无诉求用语，属提问 → ${REQUEST_TYPE_NAMES.consultation}`;
    } else {
      requestType = 'help';
      typeReason = `无诉求用语，反映问题 → ${REQUEST_TYPE_NAMES.help}`;
    }

    // category
    const ranked = [...tally(categoryTable.find(text)).entries()].sort(
      ([a, x], [b, y]) =>
        y.score - x.score || y.keywords.length - x.keywords.length || (order.get(a) ?? 0) - (order.get(b) ?? 0),
    );
    const best = ranked[0];
    let def: CategoryDef;
    let confidence: number;
    if (best) {
      def = categoryByCode.get(best[0])!;
      const route = resolveRoute(def, input.channel, requestType);
      const rival = ranked.find(([code]) => {
        const other = categoryByCode.get(code)!;
        return other.department !== def.department || resolveRoute(other, input.channel, requestType) !== route;
      });
      const s1 = best[1].score;
      const s2 = rival ? rival[1].score : 0;
      const strength = 1 - Math.exp(-s1 / STRENGTH_SCALE);
      const margin = (s1 - s2) / s1;
      confidence = Math.min(MAX_CONFIDENCE, strength * (0.4 + 0.6 * margin));
      reasons.push(`关键词${quote(best[1].keywords)} → ${def.path.join('/')}`);
      if (rival && s2 > 0) reasons.push(`另有${quote(rival[1].keywords)} → ${categoryByCode.get(rival[0])!.path.join('/')}`);
    } else {
      def = fallback;
      confidence = FALLBACK_CONFIDENCE;
      reasons.push(`未匹配到分类关键词 → ${def.path.join('/')}（由街道研判）`);
    }
    reasons.push(typeReason);

    // urgency
    const urgentWords = urgentTable.find(text).filter((m) => m.targets.includes('urgent')).map((m) => m.keyword);
    const urgency: Urgency = urgentWords.length > 0 ? 'urgent' : 'normal';
    if (urgency === 'urgent') reasons.push(`${quote([...new Set(urgentWords)])} → 紧急`);

    const routeTo = resolveRoute(def, input.channel, requestType);
    reasons.push(routeReason(def, routeTo, input.channel));

    return {
      category: toCategory(def),
      requestType,
      urgency,
      department: { ...departmentRefs.get(def.code)! },
      routeTo,
      confidence: Math.round(confidence * 100) / 100,
      reason: reasons.join('；'),
    };
  }

  return { classify };
}

/** The default instance, built from the tables in rules.ts and categories.ts. */
export const ruleClassifier: Classifier = createRuleClassifier();
