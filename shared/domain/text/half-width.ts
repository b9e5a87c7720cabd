// Full-width ASCII (U+FF01–FF5E, as Chinese input methods type it) → ASCII, and the ideographic space
// (U+3000) → a space. Shared by the classifier and the router so both read "１２号" as "12号".

export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}
