// Traditional Chinese → simplified, with OpenCC's dictionaries (opencc-js, t2cn build: about 110 KB).
// Callers from Hong Kong, Macau and Taiwan, and some input methods, write 黃埔 for 黄埔; the router and
// the classifier both read text through this so that the two spellings are one word.
import * as OpenCC from 'opencc-js/t2cn';

// "t" covers OpenCC's generic traditional forms; "hk" and "tw" variants differ little for place names.
const convert = OpenCC.Converter({ from: 't', to: 'cn' });
const convertHk = OpenCC.Converter({ from: 'hk', to: 'cn' });

export function toSimplified(text: string): string {
  return convert(convertHk(text));
}
