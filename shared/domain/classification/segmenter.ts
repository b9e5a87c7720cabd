// Chinese word segmentation at run time, with the model's own vocabulary: bidirectional maximum matching.
//
// Why not jieba at run time: jieba-wasm is 3.9 MB of WebAssembly, and every Lambda bundle must stay under 1 MB.
// So jieba runs at training time only (scripts/classifier-train.ts): it segments the labelled requests, and the
// words it finds (seen at least twice) become the vocabulary shipped in the model. At run time this segmenter
// cuts text with that vocabulary, and the features then take every word, every single character and every
// character bigram, so a word the vocabulary lacks is still seen through its characters. Training extracts its
// features with this same segmenter, so the model is trained on exactly what it sees in production.
//
// Bidirectional maximum matching: cut greedily from the left (longest vocabulary word at each position) and
// from the right; keep the cut with fewer pieces, then fewer single characters, preferring the backward cut on a
// tie (backward matching is right more often for Chinese). Runs of non-Chinese text (digits, latin) are one
// piece each; punctuation and spaces separate pieces and are dropped.
import { isChineseChar } from './classifier-text.js';

export class Segmenter {
  private readonly words: Set<string>;
  private readonly maxLength: number;

  constructor(vocabulary: Iterable<string>) {
    this.words = new Set();
    let max = 1;
    for (const w of vocabulary) {
      const length = w.length;
      // words with characters outside the BMP are never matched (such runs are cut per character)
      if (length < 2 || length !== [...w].length) continue;
      this.words.add(w);
      if (length > max) max = length;
    }
    this.maxLength = max;
  }

  get size(): number {
    return this.words.size;
  }

  has(word: string): boolean {
    return this.words.has(word);
  }

  /** The pieces of a prepared text (see prepareText), in order. */
  segment(text: string): string[] {
    const out: string[] = [];
    for (const run of splitRuns(text)) {
      if (run.chinese) out.push(...this.cutChinese(run.text));
      else out.push(run.text);
    }
    return out;
  }

  private cutChinese(run: string): string[] {
    // Characters outside the BMP (rare ideographs) take two code units: cut such a run per character.
    if (run.length !== [...run].length) return [...run];
    if (run.length === 1) return [run];
    const forward = this.forward(run);
    const backward = this.backward(run);
    if (forward.length !== backward.length) return forward.length < backward.length ? forward : backward;
    return singles(forward) < singles(backward) ? forward : backward;
  }

  private forward(run: string): string[] {
    const out: string[] = [];
    let i = 0;
    while (i < run.length) {
      let taken = 1;
      for (let n = Math.min(this.maxLength, run.length - i); n >= 2; n--) {
        if (this.words.has(run.slice(i, i + n))) {
          taken = n;
          break;
        }
      }
      out.push(run.slice(i, i + taken));
      i += taken;
    }
    return out;
  }

  private backward(run: string): string[] {
    const out: string[] = [];
    let end = run.length;
    while (end > 0) {
      let taken = 1;
      for (let n = Math.min(this.maxLength, end); n >= 2; n--) {
        if (this.words.has(run.slice(end - n, end))) {
          taken = n;
          break;
        }
      }
      out.push(run.slice(end - taken, end));
      end -= taken;
    }
    return out.reverse();
  }
}

function singles(pieces: readonly string[]): number {
  let n = 0;
  for (const p of pieces) if (p.length === 1) n++;
  return n;
}

interface Run {
  text: string;
  chinese: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Splits text into runs of Chinese characters and runs of other letters/digits; anything else separates. */
export function splitRuns(text: string): Run[] {
  const runs: Run[] = [];
  let current = '';
  let chinese = false;
  const flush = () => {
    if (current) runs.push({ text: current, chinese });
    current = '';
  };
  for (const ch of text) {
    const isZh = isChineseChar(ch);
    if (!isZh && !WORD_CHAR.test(ch)) {
      flush();
      continue;
    }
    if (current && isZh !== chinese) flush();
    chinese = isZh;
    current += ch;
  }
  flush();
  return runs;
}
