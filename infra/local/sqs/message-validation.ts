// Validation of what SendMessage / SendMessageBatch carry: the body's characters and size, and
// message (system) attributes, with the limits and error messages of Amazon SQS.
import { errors } from './errors.js';
import type { MessageAttributeValue } from './md5.js';

// Characters SQS accepts in a body or string attribute: #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF.
const INVALID_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const ATTRIBUTE_NAME = /^[A-Za-z0-9_.-]{1,256}$/;
const MAX_ATTRIBUTES = 10;

export function validateBody(body: string): void {
  if (body.length === 0) throw errors.missingParameter('MessageBody');
  if (INVALID_CHARACTER.test(body)) {
    throw errors.invalidMessageContents('Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF');
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validateAttribute(name: string, raw: unknown): MessageAttributeValue {
  if (!ATTRIBUTE_NAME.test(name) || name.includes('..') || name.startsWith('.') || name.endsWith('.') || /^(aws\.|amazon\.)/i.test(name)) {
    throw errors.invalidParameterValue(`Message (user) attribute name ${name} is invalid.`);
  }
  if (!isRecord(raw)) throw errors.invalidParameterValue(`The message attribute '${name}' must be an object.`);
  const { DataType, StringValue, BinaryValue, StringListValues, BinaryListValues } = raw;
  if (typeof DataType !== 'string' || DataType.length === 0) {
    throw errors.invalidParameterValue(`The message attribute '${name}' must contain a non-empty attribute type.`);
  }
  if ((Array.isArray(StringListValues) && StringListValues.length > 0) || (Array.isArray(BinaryListValues) && BinaryListValues.length > 0)) {
    throw errors.invalidParameterValue(`Message attribute list values in SendMessage operation are not supported.`);
  }
  const base = DataType.split('.')[0];
  if (base === 'String' || base === 'Number') {
    if (typeof StringValue !== 'string' || StringValue.length === 0) {
      throw errors.invalidParameterValue(`The message attribute '${name}' with type '${base}' must use field 'String'.`);
    }
    if (INVALID_CHARACTER.test(StringValue)) {
      throw errors.invalidParameterValue(`The message attribute '${name}' contains invalid characters.`);
    }
    if (base === 'Number' && !Number.isFinite(Number(StringValue))) {
      throw errors.invalidParameterValue(`Can't cast the value of message (user) attribute '${name}' to a number.`);
    }
    return { DataType, StringValue };
  }
  if (base === 'Binary') {
    if (typeof BinaryValue !== 'string' || BinaryValue.length === 0) {
      throw errors.invalidParameterValue(`The message attribute '${name}' with type 'Binary' must use field 'Binary'.`);
    }
    return { DataType, BinaryValue };
  }
  throw errors.invalidParameterValue(`The type of message (user) attribute '${name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.`);
}

export function parseMessageAttributes(raw: unknown): Record<string, MessageAttributeValue> {
  if (raw === undefined || raw === null) return {};
  if (!isRecord(raw)) throw errors.invalidParameterValue('MessageAttributes must be a map.');
  const names = Object.keys(raw);
  if (names.length > MAX_ATTRIBUTES) {
    throw errors.invalidParameterValue(`Number of message attributes [${names.length}] exceeds the allowed maximum [${MAX_ATTRIBUTES}].`);
  }
  const result: Record<string, MessageAttributeValue> = {};
  for (const name of names) result[name] = validateAttribute(name, raw[name]);
  return result;
}

/** Only AWSTraceHeader (a String) is a valid message system attribute. */
export function parseSystemAttributes(raw: unknown): Record<string, MessageAttributeValue> {
  if (raw === undefined || raw === null) return {};
  if (!isRecord(raw)) throw errors.invalidParameterValue('MessageSystemAttributes must be a map.');
  const result: Record<string, MessageAttributeValue> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (name !== 'AWSTraceHeader') throw errors.invalidParameterValue(`Message system attribute name '${name}' is invalid.`);
    const attribute = validateAttribute(name, value);
    if (attribute.DataType !== 'String') throw errors.invalidParameterValue(`Message system attribute '${name}' must be of type String.`);
    result[name] = attribute;
  }
  return result;
}

/** Size as SQS counts it against MaximumMessageSize: body plus attribute names, types and values. */
export function messageSize(body: string, attributes: Record<string, MessageAttributeValue>): number {
  let size = Buffer.byteLength(body, 'utf8');
  for (const [name, a] of Object.entries(attributes)) {
    size += Buffer.byteLength(name, 'utf8') + Buffer.byteLength(a.DataType, 'utf8');
    size += a.BinaryValue !== undefined ? Buffer.from(a.BinaryValue, 'base64').length : Buffer.byteLength(a.StringValue ?? '', 'utf8');
  }
  return size;
}
