// The XML form of GeoReport v2 documents: a root element holding repeated items, each a flat list of
// fields, nested lists as a wrapper with repeated children (attributes/attribute, values/value). The spec's
// XML is schemaless and without namespaces; its JSON is the same document by the Spark convention, so both
// are made from the same objects. UTF-8, with the XML declaration the spec asks for.

export type Fields = { [name: string]: XmlValue };
export type XmlValue = string | number | boolean | null | undefined | XmlList;

/** A nested list: `<wrapper><item>…</item><item>…</item></wrapper>` in XML, an array in JSON. */
export class XmlList {
  constructor(
    readonly item: string,
    readonly entries: Fields[],
  ) {}
}

export const list = (item: string, entries: Fields[]) => new XmlList(item, entries);

// Characters XML 1.0 does not allow at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function element(name: string, value: XmlValue): string {
  if (!NAME.test(name)) throw new Error(`not an XML element name: ${name}`);
  if (value === null || value === undefined) return `<${name}/>`;
  if (value instanceof XmlList) return `<${name}>${value.entries.map((entry) => group(value.item, entry)).join('')}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

function group(name: string, entry: Fields): string {
  if (!NAME.test(name)) throw new Error(`not an XML element name: ${name}`);
  return `<${name}>${Object.entries(entry)
    .map(([field, value]) => element(field, value))
    .join('')}</${name}>`;
}

const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

/** `<?xml …?><root><item>…</item>…</root>` */
export function xmlDocument(root: string, item: string, entries: Fields[]): string {
  return DECLARATION + element(root, list(item, entries));
}

/** A document whose root holds fields (the service definition). */
export function xmlSingle(root: string, entry: Fields): string {
  return DECLARATION + group(root, entry);
}

/** The JSON form (Spark convention): nested lists become arrays of objects, absent values null. */
export function toJson(value: XmlValue | Fields): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof XmlList) return value.entries.map((entry) => toJson(entry));
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  return value;
}
