// MD5 digests exactly as Amazon SQS computes them: of a message body, and of a set of message
// (or message system) attributes, which the SDKs use to check that nothing was mangled in transit.
import { createHash, type Hash } from 'node:crypto';

/** A message attribute as it travels in the JSON protocol (binary values are base64 strings). */
export interface MessageAttributeValue {
  DataType: string;
  StringValue?: string;
  BinaryValue?: string;
}

export function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

function updateLengthPrefixed(hash: Hash, bytes: Buffer): void {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length, 0);
  hash.update(length);
  hash.update(bytes);
}

/**
 * AWS's algorithm: for each attribute, sorted by name, append
 * len(name) name len(dataType) dataType transportType(1 = string, 2 = binary) len(value) value,
 * lengths as 4-byte big-endian integers, strings as UTF-8; then MD5 the whole thing.
 * Returns undefined when there are no attributes (SQS then sends no digest at all).
 */
export function md5OfAttributes(attributes: Record<string, MessageAttributeValue> | undefined): string | undefined {
  if (!attributes) return undefined;
  const names = Object.keys(attributes).sort();
  if (names.length === 0) return undefined;
  const hash = createHash('md5');
  for (const name of names) {
    const attribute = attributes[name]!;
    updateLengthPrefixed(hash, Buffer.from(name, 'utf8'));
    updateLengthPrefixed(hash, Buffer.from(attribute.DataType, 'utf8'));
    if (attribute.BinaryValue !== undefined) {
      hash.update(Buffer.from([2]));
      updateLengthPrefixed(hash, Buffer.from(attribute.BinaryValue, 'base64'));
    } else {
      hash.update(Buffer.from([1]));
      updateLengthPrefixed(hash, Buffer.from(attribute.StringValue ?? '', 'utf8'));
    }
  }
  return hash.digest('hex');
}
