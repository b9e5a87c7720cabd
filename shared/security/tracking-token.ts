// Tracking tokens: a random secret handed to the caller at intake; the case keeps only its hash.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newTrackingToken(): string {
  return randomBytes(18).toString('base64url');
}

export function hashTrackingToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function tokenMatches(token: string | undefined, expectedHash: string): boolean {
  if (!token || token.length > 200) return false;
  const actual = Buffer.from(hashTrackingToken(token), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
