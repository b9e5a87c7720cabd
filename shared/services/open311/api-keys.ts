// Open311 API keys. Partner systems (an app, a city portal) get a key each; the functions hold only the
// keys' SHA-256 hashes, from OPEN311_API_KEY_HASHES (comma-separated hex; on AWS set from an SSM parameter
// at deploy, see docs/operations.md). No hash configured: every key is refused (fail closed).
import { createHash, timingSafeEqual } from 'node:crypto';

export const OPEN311_API_KEY_HASHES = 'OPEN311_API_KEY_HASHES';

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function configuredKeyHashes(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env[OPEN311_API_KEY_HASHES] ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => /^[0-9a-f]{64}$/.test(h));
}

export function apiKeyAccepted(key: string | undefined, hashes: readonly string[] = configuredKeyHashes()): boolean {
  if (!key || key.length > 256) return false;
  const given = Buffer.from(hashApiKey(key), 'hex');
  // compare with every configured hash, in constant time each
  return hashes.reduce((ok, hash) => timingSafeEqual(given, Buffer.from(hash, 'hex')) || ok, false);
}
