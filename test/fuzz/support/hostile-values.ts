// fast-check arbitraries for what a hostile or careless client sends: strings with control characters,
// zero-width and bidi characters, emoji, mixed scripts and lone surrogates; prototype-pollution keys; deeply
// nested and huge JSON; bodies that are not JSON, not UTF-8, or not what their headers say.
import fc from 'fast-check';

const NASTY_CHARS = [
  '\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\t', '\n', '\r',
  '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', // zero-width
  '\u202e', '\u202d', '\u2066', '\u2069', // bidi overrides
  '\ud800', '\udfff', // lone surrogates
  '\uffff', '\ufffd',
  '😀', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇨🇳',
  '黄', '埔', '區', '街', 'Ａ', '１', 'ㄅ', 'Я', 'ع', 'א', 'ก', 'é', 'é', // mixed scripts, full-width, combining
  '"', '\\', '/', '<', '>', '&', "'", '`', '$', '{', '}', '%00', '../', '${jndi:x}', '<script>',
];

export const nastyString = (maxLength = 40): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.array(fc.constantFrom(...NASTY_CHARS), { maxLength }).map((parts) => parts.join('')),
    fc.tuple(fc.constantFrom(...NASTY_CHARS), fc.nat({ max: 6000 })).map(([c, n]) => c.repeat(n)),
  );

export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf'];

const key = fc.oneof(fc.constantFrom(...POLLUTING_KEYS), nastyString(12), fc.constantFrom('channel', 'content', 'caller', 'note', 'reason', 'action', 'unit', 'reasonCode'));

/** Any JSON value, leaning to hostile strings and keys. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString(),
    fc.double(),
    fc.constantFrom(0, -1, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, null, true, false),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(key, tie('value'), { maxKeys: 6 }),
  ),
})).value;

/** A JSON text as a client may write it: valid, deeply nested, huge, with duplicate or polluting keys. */
export const hostileJsonText: fc.Arbitrary<string> = fc.oneof(
  hostileJson.map((v) => JSON.stringify(v) ?? 'null'),
  fc.nat({ max: 100_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.nat({ max: 5000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
  fc.nat({ max: 200_000 }).map((n) => `[${'0,'.repeat(n)}0]`),
  fc.constantFrom(
    '{"__proto__":{"isAdmin":true},"channel":"phone","content":"路灯坏了很久"}',
    '{"constructor":{"prototype":{"polluted":1}},"channel":"web","content":"路灯坏了很久"}',
    '{"channel":"phone","channel":"web","content":"重复的键"}',
    '{"channel":"phone","content":"\\ud800\\udfff\\u0000"}',
    '',
    ' ',
    'null',
    '[]',
    '"just a string"',
    '{"a":',
    '\ufeff{"channel":"phone","content":"带BOM的请求"}',
  ),
  fc.string({ maxLength: 200 }),
);

/** Header values a client may send as content type. */
export const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=UTF-8',
  'application/json; charset=gbk',
  'application/json; charset=latin1',
  'APPLICATION/JSON',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  '',
  'application/json; charset="utf-8"; boundary=x',
);

/** Raw bytes that are not valid UTF-8 (or are, but not JSON), sent base64-encoded. */
export const invalidUtf8Bytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 2000 }),
  fc.constantFrom(
    Uint8Array.from([0xc3, 0x28]),
    Uint8Array.from([0xa0, 0xa1]),
    Uint8Array.from([0xe2, 0x28, 0xa1]),
    Uint8Array.from([0xf0, 0x28, 0x8c, 0xbc]),
    Uint8Array.from([0xed, 0xa0, 0x80]), // an encoded surrogate
    Uint8Array.from([0xc0, 0xaf]), // overlong '/'
    Uint8Array.from(Buffer.from('{"channel":"phone","content":"黄埔区路灯坏了"}', 'utf16le')),
    Uint8Array.from(Buffer.from([0x7b, 0x22, 0x63, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
  ),
);
