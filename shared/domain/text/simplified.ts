// Traditional Chinese → simplified, with OpenCC's dictionaries (opencc-js, t2cn build: about 110 KB).
// Callers from Hong Kong, Macau and Taiwan, and some input methods, write 黃埔 for 黄埔; the router and
// the classifier both read text through this so that the two spellings are one word.
import * as OpenCC from 'opencc-js/t2cn';

// "t" covers OpenCC's generic traditional forms; "hk" and "tw" variants differ little for place names.
// Built on first use: building the dictionaries' tries costs cold-start time a function may never need.
let converters: { t: (text: string) => string; hk: (text: string) => string } | undefined;

export function toSimplified(text: string): string {
  converters ??= { t: OpenCC.Converter({ from: 't', to: 'cn' }), hk: OpenCC.Converter({ from: 'hk', to: 'cn' }) };
  return converters.t(converters.hk(text));
}
