// The hotline's classifier: the trained linear model (linear-model.ts) combined with the supervisor's rules
// (rules.ts). What decides each part:
// - category: the dispatch target (department + route) with the highest total probability over its categories,
//   then that target's most probable category — unless a forced-category phrase of rules.ts appears (phrases
//   of two different categories cancel out, and the model decides). The department follows from the category
//   (categories.ts), and so does the route, with the channel and request type for `contextual` categories.
// - requestType: the model (it reads the cue words of rules.ts as features).
// - urgency: urgent when an urgent keyword of rules.ts appears, or when the model's probability of urgent
//   reaches the urgent threshold (set low, by cross-validation, because a missed emergency is the costly error).
// - confidence: the model's probability that the case goes to the chosen department by the chosen route — the
//   sum over every category with that same department and route, since two categories of one department lead
//   to the same dispatch. A forced category is at least FORCED_CONFIDENCE.
// - manualTriage: confidence below the triage threshold, or the category is 其他/未分类: district triage decides.
// - explanation: the words whose weights pushed the chosen labels up most, and the rules that applied.
import { CHANNEL_NAMES, CHANNELS, REQUEST_TYPE_NAMES, REQUEST_TYPES, type Classification, type RequestType } from '../case.js';
import { departmentRef } from '../departments.js';
import { CATEGORIES, FALLBACK_CATEGORY_CODE, findCategory, toCategory, type CategoryDef } from './categories.js';
import { prepareText } from './classifier-text.js';
import type { ClassificationInput, Classifier } from './classifier.js';
import type { FeatureVector } from './features.js';
import { FeatureResolver } from './feature-resolver.js';
import { LinearModel, type Contribution, type ModelData } from './linear-model.js';
import { resolveRoute, routeReason } from './route-for-category.js';
import { compileRules, DEFAULT_RULES, type RuleData } from './rule-tables.js';
import { Segmenter } from './segmenter.js';

/** A forced category is at least this sure. */
export const FORCED_CONFIDENCE = 0.9;
const MAX_WORDS = { category: 5, requestType: 3, urgency: 3 } as const;
const ALTERNATIVES = 3;

export interface ModelClassifierOptions {
  model: ModelData | LinearModel;
  rules?: RuleData;
  /** overrides the model's triage threshold (0..1) */
  triageThreshold?: number;
  /** overrides the model's urgent threshold (0..1) */
  urgentThreshold?: number;
}

export interface ModelClassifier extends Classifier {
  readonly triageThreshold: number;
  readonly urgentThreshold: number;
  /** the classification with the figures behind it, for evaluation and threshold choice */
  classifyWithDetails(input: ClassificationInput): ClassificationDetails;
}

export interface ClassificationDetails {
  classification: Classification;
  /** the model's probability of urgent (before the rules) */
  urgentProbability: number;
  urgentByRule: boolean;
  forcedCategory: boolean;
}

const quote = (words: readonly string[]): string => words.map((w) => `“${w}”`).join('');

export function createModelClassifier(options: ModelClassifierOptions): ModelClassifier {
  const model = options.model instanceof LinearModel ? options.model : new LinearModel(options.model);
  const rules = compileRules(options.rules ?? DEFAULT_RULES);
  const segmenter = new Segmenter(model.vocabulary);
  const triageThreshold = checkThreshold('triageThreshold', options.triageThreshold ?? model.thresholds.triage);
  const urgentThreshold = checkThreshold('urgentThreshold', options.urgentThreshold ?? model.thresholds.urgent);

  const categoryLabels = model.labels('category');
  const categoryDefs: CategoryDef[] = categoryLabels.map((code) => {
    const def = findCategory(code);
    if (!def) throw new Error(`the model knows a category the taxonomy does not: ${code}`);
    return def;
  });
  for (const c of CATEGORIES) if (!categoryLabels.includes(c.code)) throw new Error(`the model lacks category ${c.code}: retrain it`);
  const typeLabels = model.labels('requestType');
  for (const t of typeLabels) if (!(REQUEST_TYPES as readonly string[]).includes(t)) throw new Error(`unknown request type in the model: ${t}`);
  const urgentIndex = model.labels('urgency').indexOf('urgent');
  if (urgentIndex < 0) throw new Error('the model has no urgent label');
  const source = `model ${model.trainedAt}`;

  // For every channel and request type: each category's dispatch target (department × route) as an index.
  const departmentIndex = new Map<string, number>();
  for (const def of categoryDefs) if (!departmentIndex.has(def.department)) departmentIndex.set(def.department, departmentIndex.size);
  const targetCount = departmentIndex.size * 2;
  const targetOf = new Map<string, Int32Array>();
  for (const channel of CHANNELS) {
    for (const type of REQUEST_TYPES) {
      const targets = Int32Array.from(categoryDefs, (def) => departmentIndex.get(def.department)! * 2 + (resolveRoute(def, channel, type) === 'grid' ? 0 : 1));
      targetOf.set(`${channel}|${type}`, targets);
    }
  }

  const isWord = (text: string) => segmenter.has(text);
  const resolver = new FeatureResolver(model.features);

  function classifyWithDetails(input: ClassificationInput): ClassificationDetails {
    const fv = resolver.resolve(prepareText(input.content), input.channel, segmenter, rules);
    const { known } = fv;

    // request type first: the route of a contextual category depends on it
    const pType = model.probabilities('requestType', known);
    const requestType = typeLabels[argmax(pType)] as RequestType;

    const pCat = model.probabilities('category', known);
    // The dispatch target (department + route) with the highest total probability, then its likeliest
    // category: this is the choice that maximises the chance of sending the case to the right place.
    const targets = targetOf.get(`${input.channel}|${requestType}`)!;
    const mass = new Float64Array(targetCount);
    for (let i = 0; i < pCat.length; i++) mass[targets[i]!]! += pCat[i]!;
    const forcedTargets = [...fv.forced.keys()];
    const forced = forcedTargets.length === 1 ? forcedTargets[0]! : undefined;
    let chosenIndex = -1;
    if (forced !== undefined) chosenIndex = categoryLabels.indexOf(forced);
    else {
      const bestTarget = argmax(mass);
      for (let i = 0; i < pCat.length; i++) if (targets[i] === bestTarget && (chosenIndex < 0 || pCat[i]! > pCat[chosenIndex]!)) chosenIndex = i;
    }
    const def = categoryDefs[chosenIndex]!;
    const routeTo = resolveRoute(def, input.channel, requestType);

    let confidence = mass[targets[chosenIndex]!]!;
    if (forced !== undefined) confidence = Math.max(confidence, FORCED_CONFIDENCE);
    confidence = Math.min(1, Math.round(confidence * 100) / 100);

    const pUrgent = model.probabilities('urgency', known)[urgentIndex]!;
    const urgentByRule = fv.urgentWords.length > 0;
    const urgency = urgentByRule || pUrgent >= urgentThreshold ? 'urgent' : 'normal';

    const fallback = def.code === FALLBACK_CATEGORY_CODE;
    const manualTriage = fallback || confidence < triageThreshold;

    const ruleNotes: string[] = [];
    if (forced !== undefined) ruleNotes.push(`规则${quote(fv.forced.get(forced)!)} → ${def.path.join('/')}`);
    if (forcedTargets.length > 1) {
      ruleNotes.push(`规则冲突（${forcedTargets.map((t) => `${quote(fv.forced.get(t)!)}→${findCategory(t)!.path.join('/')}`).join('，')}），由模型判断`);
    }
    if (urgentByRule) ruleNotes.push(`规则${quote(fv.urgentWords)} → 紧急`);

    const categoryWords =
      forced !== undefined ? fv.forced.get(forced)! : displayWords(model.contributions('category', known, def.code), fv, MAX_WORDS.category, isWord);
    const typeWords = displayWords(model.contributions('requestType', known, requestType), fv, MAX_WORDS.requestType, isWord);
    const urgencyWords =
      urgency === 'normal' ? [] : urgentByRule ? fv.urgentWords : displayWords(model.contributions('urgency', known, 'urgent'), fv, MAX_WORDS.urgency, isWord);

    const reasons: string[] = [];
    reasons.push(
      forced !== undefined
        ? `规则${quote(categoryWords)} → ${def.path.join('/')}`
        : `${categoryWords.length ? quote(categoryWords) : '无明显关键词'} → ${def.path.join('/')}`,
    );
    reasons.push(`${typeWords.length ? quote(typeWords) : '无明显用语'} → ${REQUEST_TYPE_NAMES[requestType]}`);
    if (urgency === 'urgent') {
      reasons.push(urgentByRule ? `规则${quote(fv.urgentWords)} → 紧急` : `${quote(urgencyWords)} → 紧急（模型概率 ${pUrgent.toFixed(2)}）`);
    }
    reasons.push(routeReason(def, routeTo, input.channel));
    reasons.push(`置信度 ${confidence.toFixed(2)}`);
    if (fallback) reasons.push('未能归类，转人工分拨');
    else if (manualTriage) reasons.push(`低于自动派单阈值 ${triageThreshold}，转人工分拨`);

    const alternatives = topIndexes(pCat, ALTERNATIVES, chosenIndex).map((i) => ({
      ...toCategory(categoryDefs[i]!),
      probability: Math.round(pCat[i]! * 100) / 100,
    }));

    const classification: Classification = {
      category: toCategory(def),
      requestType,
      urgency,
      department: departmentRef(def.department),
      routeTo,
      confidence,
      reason: reasons.join('；'),
      explanation: { category: categoryWords, requestType: typeWords, urgency: urgencyWords, rules: ruleNotes },
      manualTriage,
      alternatives,
      classifier: source,
    };
    return { classification, urgentProbability: pUrgent, urgentByRule, forcedCategory: forced !== undefined };
  }

  return {
    classify: (input) => classifyWithDetails(input).classification,
    classifyWithDetails,
    triageThreshold,
    urgentThreshold,
  };
}

function checkThreshold(name: string, value: number): number {
  if (!(value >= 0 && value <= 1)) throw new Error(`${name} must be between 0 and 1, got ${value}`);
  return value;
}

/** The indexes of the `n` largest values, largest first, leaving one index out. */
function topIndexes(p: Float64Array, n: number, except: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < p.length; i++) {
    if (i === except) continue;
    let at = top.length;
    while (at > 0 && p[i]! > p[top[at - 1]!]!) at--;
    if (at < n) {
      top.splice(at, 0, i);
      if (top.length > n) top.pop();
    }
  }
  return top;
}

function argmax(p: Float64Array): number {
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
  return best;
}

/** Below this share of the strongest contribution a feature is not named. */
const NAMED_SHARE = 0.25;
/** A single character is named only when it is this close to the strongest contribution. */
const CHARACTER_SHARE = 0.5;

/**
 * The words behind the strongest contributions, for a person to read: rule keywords, vocabulary words, a
 * bigram only when it is a word, a single character only when it weighs nearly as much as the strongest;
 * overlapping pieces merged (a longer word replaces the pieces it contains), the strongest first.
 */
export function displayWords(
  contributions: readonly Contribution[],
  fv: Pick<FeatureVector, 'matched'>,
  max: number,
  isWord: (text: string) => boolean = () => true,
): string[] {
  const chosen: string[] = [];
  const top = contributions[0]?.weight ?? 0;
  for (const { key, weight } of contributions) {
    if (weight < top * NAMED_SHARE) break;
    if (key.startsWith('c:') && weight < top * CHARACTER_SHARE) continue;
    if (key.startsWith('b:') && !isWord(key.slice(2))) continue;
    for (const word of wordsOf(key, fv)) {
      if (chosen.some((c) => c.includes(word))) continue;
      for (let i = chosen.length - 1; i >= 0; i--) if (word.includes(chosen[i]!)) chosen.splice(i, 1);
      chosen.push(word);
      if (chosen.length >= max) return chosen;
    }
  }
  return chosen;
}

function wordsOf(key: string, fv: Pick<FeatureVector, 'matched'>): string[] {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const rest = key.slice(colon + 1);
  switch (kind) {
    case 'w':
    case 'b':
    case 'c':
      return [rest];
    case 'k':
    case 'x':
    case 't':
    case 'u':
    case 'q':
      return fv.matched.get(key) ?? [];
    case 'ch':
      return rest === 'enterprise' ? [CHANNEL_NAMES.enterprise] : [];
    default:
      return [];
  }
}
