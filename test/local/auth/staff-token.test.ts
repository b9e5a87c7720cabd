// Local staff tokens: what the local runtime's stand-in for API Gateway's JWT authorizer accepts and refuses,
// and that a handler reads the same identity from it as from a Cognito token's claims.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newLocalTokenSecret, signLocalStaffToken, verifyLocalStaffToken } from '../../../infra/local/auth/staff-token.js';
import { startApiServer, type ApiServer } from '../../../infra/local/http/api-server.js';
import { staffFromEvent } from '../../../shared/security/staff-identity.js';

const secret = newLocalTokenSecret();
const supervisor = { staffId: 'u-1001', unitCode: '440112001', level: 'street', role: 'supervisor' } as const;

describe('local staff tokens', () => {
  it('carry the unit, level and role as Cognito custom claims', async () => {
    const claims = await verifyLocalStaffToken(`Bearer ${await signLocalStaffToken(supervisor, secret)}`, secret);
    expect(claims).toMatchObject({ sub: 'u-1001', 'custom:unit': '440112001', 'custom:level': 'street', 'custom:role': 'supervisor' });
  });

  it('are refused when signed with another secret, expired, malformed or missing', async () => {
    const other = await signLocalStaffToken(supervisor, newLocalTokenSecret());
    const expired = await signLocalStaffToken({ ...supervisor, ttlSeconds: 60 }, secret, new Date(Date.now() - 3600_000));
    expect(await verifyLocalStaffToken(`Bearer ${other}`, secret)).toBeNull();
    expect(await verifyLocalStaffToken(`Bearer ${expired}`, secret)).toBeNull();
    expect(await verifyLocalStaffToken('Bearer not.a.token', secret)).toBeNull();
    expect(await verifyLocalStaffToken(await signLocalStaffToken(supervisor, secret), secret)).toBeNull(); // no "Bearer"
    expect(await verifyLocalStaffToken(undefined, secret)).toBeNull();
  });

  it('are refused with the right key but another audience or algorithm', async () => {
    const key = Buffer.from(secret, 'base64url');
    const wrongAudience = await new SignJWT({ 'custom:unit': 'x', 'custom:level': 'grid', 'custom:role': 'handler' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('hotline12345-local')
      .setAudience('someone-else')
      .setExpirationTime('1h')
      .sign(key);
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.`;
    expect(await verifyLocalStaffToken(`Bearer ${wrongAudience}`, secret)).toBeNull();
    expect(await verifyLocalStaffToken(`Bearer ${unsigned}`, secret)).toBeNull();
  });
});

describe('a staff route on the local API', () => {
  let server: ApiServer;
  const seen: APIGatewayProxyEventV2[] = [];

  beforeAll(async () => {
    server = await startApiServer({
      port: 0,
      routes: [
        {
          method: 'GET',
          path: '/sla/summary',
          authorize: (authorization) => verifyLocalStaffToken(authorization, secret),
          handler: async (event) => {
            seen.push(event);
            return { statusCode: 200, body: JSON.stringify(staffFromEvent(event)) };
          },
        },
      ],
    });
  });
  afterAll(() => server.close());

  it('answers 401 before the handler runs when the token is missing or bad', async () => {
    const missing = await fetch(`${server.url}/sla/summary`);
    const bad = await fetch(`${server.url}/sla/summary`, { headers: { authorization: 'Bearer nonsense' } });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ message: 'Unauthorized' });
    expect(bad.status).toBe(401);
    expect(seen).toHaveLength(0);
  });

  it('hands the handler the verified claims, from which it reads the staff identity', async () => {
    const token = await signLocalStaffToken(supervisor, secret);
    const response = await fetch(`${server.url}/sla/summary`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ staffId: 'u-1001', role: 'supervisor', unit: { code: '440112001', level: 'street' } });
  });
});
