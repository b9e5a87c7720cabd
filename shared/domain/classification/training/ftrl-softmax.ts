// Training of one softmax head (multinomial logistic regression) with FTRL-Proximal (McMahan et al., 2013,
// "Ad Click Prediction: a View from the Trenches"): per-coordinate adaptive learning rates with L1 and L2
// regularisation. The L1 term sets most weights to exactly zero, so the shipped model stays small without a
// separate pruning pass hurting accuracy. Deterministic: the example order comes from a seeded generator.

export interface SparseExample {
  indexes: Int32Array;
  values: Float64Array;
  label: number;
  /** importance of the example (class weighting); 1 by default */
  weight: number;
}

export interface FtrlOptions {
  alpha: number;
  beta: number;
  l1: number;
  l2: number;
  epochs: number;
  seed: number;
}

export interface TrainedHead {
  /** feature-major: weights[f * labelCount + c] */
  weights: Float64Array;
  bias: Float64Array;
}

/** mulberry32: a small seeded generator, for a reproducible shuffle. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trainSoftmaxFtrl(examples: readonly SparseExample[], featureCount: number, labelCount: number, o: FtrlOptions): TrainedHead {
  const size = featureCount * labelCount;
  const z = new Float64Array(size);
  const n = new Float64Array(size);
  const zb = new Float64Array(labelCount);
  const nb = new Float64Array(labelCount);
  const random = seededRandom(o.seed);

  const weightAt = (zi: number, ni: number, l1: number): number => {
    if (Math.abs(zi) <= l1) return 0;
    return -(zi - Math.sign(zi) * l1) / ((o.beta + Math.sqrt(ni)) / o.alpha + o.l2);
  };

  const order = examples.map((_, i) => i);
  const logits = new Float64Array(labelCount);
  const w = new Float64Array(256 * labelCount);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const ex = examples[index]!;
      const nnz = ex.indexes.length;
      const local = nnz * labelCount <= w.length ? w : new Float64Array(nnz * labelCount);
      for (let c = 0; c < labelCount; c++) logits[c] = weightAt(zb[c]!, nb[c]!, 0);
      for (let k = 0; k < nnz; k++) {
        const base = ex.indexes[k]! * labelCount;
        const x = ex.values[k]!;
        for (let c = 0; c < labelCount; c++) {
          const wi = weightAt(z[base + c]!, n[base + c]!, o.l1);
          local[k * labelCount + c] = wi;
          logits[c]! += wi * x;
        }
      }
      let max = -Infinity;
      for (let c = 0; c < labelCount; c++) if (logits[c]! > max) max = logits[c]!;
      let sum = 0;
      for (let c = 0; c < labelCount; c++) {
        logits[c] = Math.exp(logits[c]! - max);
        sum += logits[c]!;
      }
      for (let c = 0; c < labelCount; c++) {
        const g = ((logits[c]! / sum) - (c === ex.label ? 1 : 0)) * ex.weight;
        // bias: no L1
        const wb = weightAt(zb[c]!, nb[c]!, 0);
        const sb = (Math.sqrt(nb[c]! + g * g) - Math.sqrt(nb[c]!)) / o.alpha;
        zb[c]! += g - sb * wb;
        nb[c]! += g * g;
        for (let k = 0; k < nnz; k++) {
          const gi = g * ex.values[k]!;
          if (gi === 0) continue;
          const i = ex.indexes[k]! * labelCount + c;
          const sigma = (Math.sqrt(n[i]! + gi * gi) - Math.sqrt(n[i]!)) / o.alpha;
          z[i]! += gi - sigma * local[k * labelCount + c]!;
          n[i]! += gi * gi;
        }
      }
    }
  }
  const weights = new Float64Array(size);
  for (let i = 0; i < size; i++) weights[i] = weightAt(z[i]!, n[i]!, o.l1);
  const bias = new Float64Array(labelCount);
  for (let c = 0; c < labelCount; c++) bias[c] = weightAt(zb[c]!, nb[c]!, 0);
  return { weights, bias };
}
