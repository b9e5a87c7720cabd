// Staff tokens for the local runtime: HS256 JWTs signed with a secret only this machine knows, carrying the
// same claims a Cognito ID token carries on AWS (sub, custom:unit, custom:level, custom:role). The local API
// emulator verifies them as API Gateway's JWT authorizer verifies Cognito's; handlers cannot tell the two apart.
import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { STAFF_CLAIMS, type StaffLevel, type StaffRole } from '../../../shared/security/staff-identity.js';

export const LOCAL_TOKEN_ISSUER = 'hotline12345-local';
export const LOCAL_TOKEN_AUDIENCE = 'hotline12345-staff';

export interface StaffTokenRequest {
  staffId: string;
  unitCode: string;
  level: StaffLevel;
  role: StaffRole;
  /** default 12 hours: one shift */
  ttlSeconds?: number;
}

/** A fresh signing secret (base64url, 256 bits). */
export function newLocalTokenSecret(): string {
  return randomBytes(32).toString('base64url');
}

export async function signLocalStaffToken(request: StaffTokenRequest, secret: string, now: Date = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({
    [STAFF_CLAIMS.unit]: request.unitCode,
    [STAFF_CLAIMS.level]: request.level,
    [STAFF_CLAIMS.role]: request.role,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.staffId)
    .setIssuer(LOCAL_TOKEN_ISSUER)
    .setAudience(LOCAL_TOKEN_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (request.ttlSeconds ?? 12 * 3600))
    .sign(Buffer.from(secret, 'base64url'));
}

/**
 * What API Gateway's JWT authorizer does with an Authorization header: the claims of a valid token (every
 * value a string, as API Gateway hands them over), or null (the gateway then answers 401 itself).
 */
export async function verifyLocalStaffToken(authorization: string | undefined, secret: string): Promise<Record<string, string> | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  if (!match) return null;
  try {
    const { payload } = await jwtVerify(match[1]!, Buffer.from(secret, 'base64url'), {
      issuer: LOCAL_TOKEN_ISSUER,
      audience: LOCAL_TOKEN_AUDIENCE,
      algorithms: ['HS256'],
    });
    return Object.fromEntries(Object.entries(payload).map(([key, value]) => [key, Array.isArray(value) ? `[${value.join(' ')}]` : String(value)]));
  } catch {
    return null;
  }
}
