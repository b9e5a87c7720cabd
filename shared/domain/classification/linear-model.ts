// The trained model: three softmax (multinomial logistic regression) heads — category, request type, urgency —
// over one sparse feature space (features.ts). The JSON shipped in the bundle (model.json) is written by
// `npm run classifier:train`; this file reads and scores it.
//
// Format: `features[i]` is a feature key; `heads.<head>.weights[i]` is a flat list [label, weight, label, weight …]
// of that feature's non-zero weights, weights stored as integers (weight × weightScale) to keep the file small.
// Weights below the pruning threshold were dropped at training time, so most features touch one to three labels.
import type { FeatureVector } from './features.js';

export const MODEL_FORMAT = 'hotline12345-linear/1';

export const HEAD_NAMES = ['category', 'requestType', 'urgency'] as const;
export type HeadName = (typeof HEAD_NAMES)[number];

export interface HeadData {
  labels: string[];
  /** integers, ÷ weightScale */
  bias: number[];
  /** parallel to ModelData.features: [labelIndex, weight × weightScale, …] */
  weights: number[][];
}

export interface ModelData {
  format: typeof MODEL_FORMAT;
  trainedAt: string;
  trainingExamples: number;
  /** how training went, for the record (segmenter, epochs, pruning …) */
  notes: string;
  /** the segmenter's words (built with jieba at training time) */
  vocabulary: string[];
  features: string[];
  weightScale: number;
  heads: Record<HeadName, HeadData>;
  /** chosen at training time by cross-validation on the training split */
  thresholds: {
    /** below this dispatch confidence the case goes to manual triage */
    triage: number;
    /** at or above this probability of 'urgent' the case is urgent (rules can force it too) */
    urgent: number;
  };
}

/** Checks the outer shape of a model read from JSON (the LinearModel constructor checks the rest). */
export function parseModelData(value: unknown): ModelData {
  const v = value as Partial<ModelData> | null;
  if (!v || typeof v !== 'object') throw new Error('the model is not an object');
  if (v.format !== MODEL_FORMAT) throw new Error(`model format ${String(v.format)} is not ${MODEL_FORMAT}`);
  if (!Array.isArray(v.vocabulary) || !Array.isArray(v.features) || typeof v.weightScale !== 'number') {
    throw new Error('the model lacks its vocabulary, features or weightScale');
  }
  if (!v.heads || !v.thresholds || typeof v.thresholds.triage !== 'number' || typeof v.thresholds.urgent !== 'number') {
    throw new Error('the model lacks its heads or thresholds');
  }
  if (typeof v.trainedAt !== 'string') throw new Error('the model lacks trainedAt');
  return v as ModelData;
}

export interface Contribution {
  key: string;
  weight: number;
}

interface Head {
  labels: readonly string[];
  bias: Float64Array;
  /** compressed rows: feature f has the label indexes labelOf[offsets[f] .. offsets[f + 1]) and their weights */
  offsets: Int32Array;
  labelOf: Int32Array;
  weights: Float64Array;
}

export class LinearModel {
  readonly vocabulary: readonly string[];
  /** the feature keys, by index */
  readonly features: readonly string[];
  readonly thresholds: ModelData['thresholds'];
  readonly trainedAt: string;
  private readonly featureIndex = new Map<string, number>();
  private readonly heads: Record<HeadName, Head>;

  constructor(data: ModelData) {
    if (data.format !== MODEL_FORMAT) throw new Error(`model format ${String(data.format)} is not ${MODEL_FORMAT}`);
    if (!(data.weightScale > 0)) throw new Error('model weightScale must be positive');
    data.features.forEach((f, i) => this.featureIndex.set(f, i));
    if (this.featureIndex.size !== data.features.length) throw new Error('model features are not unique');
    const heads = {} as Record<HeadName, Head>;
    for (const name of HEAD_NAMES) heads[name] = compileHead(name, data.heads[name], data.features.length, data.weightScale);
    this.heads = heads;
    this.vocabulary = data.vocabulary;
    this.features = data.features;
    this.thresholds = data.thresholds;
    this.trainedAt = data.trainedAt;
  }

  labels(head: HeadName): readonly string[] {
    return this.heads[head].labels;
  }

  /** The features of a vector the model knows, as indexes: resolve once, then score every head. */
  resolve(fv: Pick<FeatureVector, 'keys' | 'values'>): ResolvedFeatures {
    const keys: string[] = [];
    const ids: number[] = [];
    const values: number[] = [];
    for (let k = 0; k < fv.keys.length; k++) {
      const i = this.featureIndex.get(fv.keys[k]!);
      if (i === undefined) continue;
      keys.push(fv.keys[k]!);
      ids.push(i);
      values.push(fv.values[k]!);
    }
    return { keys, ids: Int32Array.from(ids), values: Float64Array.from(values) };
  }

  /** Softmax probabilities of the head's labels, in label order. */
  probabilities(head: HeadName, r: ResolvedFeatures): Float64Array {
    const h = this.heads[head];
    const z = Float64Array.from(h.bias);
    const { offsets, labelOf: labels, weights } = h;
    for (let k = 0; k < r.ids.length; k++) {
      const i = r.ids[k]!;
      const x = r.values[k]!;
      for (let j = offsets[i]!, end = offsets[i + 1]!; j < end; j++) z[labels[j]!]! += weights[j]! * x;
    }
    return softmax(z);
  }

  /** What each present feature adds to one label's score, largest first (positive contributions only). */
  contributions(head: HeadName, r: ResolvedFeatures, label: string): Contribution[] {
    const h = this.heads[head];
    const target = h.labels.indexOf(label);
    if (target < 0) return [];
    const out: Contribution[] = [];
    const { offsets, labelOf: labels, weights } = h;
    for (let k = 0; k < r.ids.length; k++) {
      const i = r.ids[k]!;
      for (let j = offsets[i]!, end = offsets[i + 1]!; j < end; j++) {
        if (labels[j] !== target) continue;
        const weight = weights[j]! * r.values[k]!;
        if (weight > 0) out.push({ key: r.keys[k]!, weight });
      }
    }
    return out.sort((a, b) => b.weight - a.weight);
  }
}

/** A feature vector reduced to the features the model knows (LinearModel.resolve). */
export interface ResolvedFeatures {
  keys: string[];
  ids: Int32Array;
  values: Float64Array;
}

function compileHead(name: string, data: HeadData, featureCount: number, scale: number): Head {
  if (!data || data.labels.length < 2) throw new Error(`model head ${name} needs at least two labels`);
  if (data.bias.length !== data.labels.length) throw new Error(`model head ${name}: bias and labels differ in length`);
  if (data.weights.length !== featureCount) throw new Error(`model head ${name}: weights do not match the features`);
  let total = 0;
  for (const flat of data.weights) {
    if (flat.length % 2 !== 0) throw new Error(`model head ${name}: a weight list has odd length`);
    total += flat.length / 2;
  }
  const offsets = new Int32Array(data.weights.length + 1);
  const labels = new Int32Array(total);
  const weights = new Float64Array(total);
  let at = 0;
  data.weights.forEach((flat, f) => {
    offsets[f] = at;
    for (let j = 0; j < flat.length; j += 2) {
      const label = flat[j]!;
      if (!(label >= 0 && label < data.labels.length)) throw new Error(`model head ${name}: label index ${label} out of range`);
      labels[at] = label;
      weights[at] = flat[j + 1]! / scale;
      at++;
    }
  });
  offsets[data.weights.length] = at;
  return { labels: data.labels, bias: Float64Array.from(data.bias, (b) => b / scale), offsets, labelOf: labels, weights };
}

export function softmax(z: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  const out = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) {
    out[i] = Math.exp(z[i]! - max);
    sum += out[i]!;
  }
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
}
