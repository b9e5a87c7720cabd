// Shared by the classifier scripts: where the files are, reading the labelled set, and jieba (training only).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cut } from 'jieba-wasm';
import { isHeldOut, parseLabelledFile, type LabelledExample } from '../shared/domain/classification/training/labelled-set.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const LABELLED_DIR = join(ROOT, 'data/classification/labelled');
export const MODEL_FILE = join(ROOT, 'shared/domain/classification/model.json');

export function loadLabelled(dir = LABELLED_DIR): LabelledExample[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => parseLabelledFile(readFileSync(join(dir, f), 'utf8'), f));
}

export function split(examples: readonly LabelledExample[]): { train: LabelledExample[]; heldOut: LabelledExample[] } {
  const train: LabelledExample[] = [];
  const heldOut: LabelledExample[] = [];
  for (const e of examples) (isHeldOut(e) ? heldOut : train).push(e);
  return { train, heldOut };
}

/** jieba-wasm with its HMM for unknown words: the vocabulary's source (never shipped in a bundle). */
export function jiebaTokenise(text: string): string[] {
  return cut(text, true);
}
