// The local signing secret for staff tokens, kept beside the data so tokens stay valid across restarts.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { newLocalTokenSecret } from './staff-token.js';

export function staffSecretPath(dataDir: string): string {
  return join(dataDir, 'staff-token-secret');
}

/** The secret stored under dataDir, made (mode 0600) on first use. */
export function loadOrCreateStaffSecret(dataDir: string): string {
  const path = staffSecretPath(dataDir);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dirname(path), { recursive: true });
  const secret = newLocalTokenSecret();
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  return secret;
}
