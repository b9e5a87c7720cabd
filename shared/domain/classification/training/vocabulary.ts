// The segmenter's vocabulary, built at training time from a real segmenter's output (jieba, passed in by the
// training script so the domain does not depend on it): the Chinese words of two or more characters that
// appear in at least `minDocuments` training texts, plus the supervisor's keywords.
import { isChineseChar } from '../classifier-text.js';

export interface VocabularyOptions {
  minDocuments: number;
  maxLength: number;
  /** words always included (the rules' keywords) */
  extraWords?: Iterable<string>;
}

export function buildVocabulary(texts: readonly string[], tokenise: (text: string) => string[], options: VocabularyOptions): string[] {
  const documents = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const token of tokenise(text)) {
      const chars = [...token];
      if (chars.length < 2 || chars.length > options.maxLength || !chars.every(isChineseChar)) continue;
      seen.add(token);
    }
    for (const w of seen) documents.set(w, (documents.get(w) ?? 0) + 1);
  }
  const words = new Set<string>();
  for (const [w, n] of documents) if (n >= options.minDocuments) words.add(w);
  for (const w of options.extraWords ?? []) if ([...w].length >= 2 && [...w].every(isChineseChar)) words.add(w);
  return [...words].sort();
}
