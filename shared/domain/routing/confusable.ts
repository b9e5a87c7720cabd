// Characters callers and agents confuse when typing place names (same sound, or a common wrong form):
// 黄浦 for 黄埔, 罗岗 for 萝岗, 佛朗 for 佛塱, 姬塘 for 姬堂, 长州 for 长洲 … Both the index and the text are
// folded to one form before matching, so either spelling finds the place; what the reason shows is the
// name as the jurisdiction data writes it. Folding is one character for one, so offsets do not move.
// A pair of different real names that fold to the same text is reported by `npm run jurisdiction:validate`.

const GROUPS: readonly string[] = [
  '埔浦', // 黄埔 / 黄浦, 云埔
  '萝罗箩', // 萝岗
  '塱朗', // 佛塱
  '堂塘棠', // 姬堂, 莲塘, 何棠下
  '洲州', // 长洲
  '墟圩', // 镇龙墟, 九佛圩
  '迳径', // 迳下
  '岗冈', // 双岗, 茅岗
  '沧仓苍', // 沧联
  '陂坡', // 黄陂
];

const FOLD = new Map<string, string>();
for (const group of GROUPS) {
  const [canonical, ...others] = [...group];
  for (const ch of others) FOLD.set(ch, canonical as string);
}

/** The text with each confusable character replaced by its group's first member. */
export function foldConfusables(text: string): string {
  let out = '';
  for (const ch of text) out += FOLD.get(ch) ?? ch;
  return out;
}
