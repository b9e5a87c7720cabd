// GeoReport v2 documents in either format: the client picks it with the resource's extension
// (services.xml, requests/123.json). JSON follows the Spark convention of the XML (an array at the root).
import type { Open311Error } from './post-request.js';
import { toJson, xmlDocument, xmlSingle, type Fields } from './xml.js';

export const FORMATS = ['json', 'xml'] as const;
export type Format = (typeof FORMATS)[number];

export const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** "services.json" → { name: "services", format: "json" }; null when the extension is not json or xml. */
export function splitFormat(resource: string): { name: string; format: Format } | null {
  const match = /^(.+)\.(json|xml)$/.exec(resource);
  return match ? { name: match[1]!, format: match[2] as Format } : null;
}

export interface Document {
  format: Format;
  body: string;
}

/** A list document: `<root><item>…</item>…</root>`, or a JSON array. */
export function listDocument(format: Format, root: string, item: string, entries: Fields[]): Document {
  return { format, body: format === 'xml' ? xmlDocument(root, item, entries) : JSON.stringify(entries.map((entry) => toJson(entry))) };
}

/** A single-element document (the service definition): `<root>…</root>`, or a JSON object. */
export function singleDocument(format: Format, root: string, entry: Fields): Document {
  return { format, body: format === 'xml' ? xmlSingle(root, entry) : JSON.stringify(toJson(entry)) };
}

/** The spec's error document: `[{code, description}]`. */
export function errorDocument(format: Format, errors: Open311Error[]): Document {
  return listDocument(format, 'errors', 'error', errors.map((e) => ({ code: e.code, description: e.description })));
}
