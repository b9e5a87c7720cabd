import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { requireStaff } from '../../shared/http/staff-auth.js';
import { staffFromEvent } from '../../shared/security/staff-identity.js';

function eventWithClaims(claims?: Record<string, string>): APIGatewayProxyEventV2 {
  return {
    requestContext: claims ? { authorizer: { jwt: { claims, scopes: null } } } : {},
  } as unknown as APIGatewayProxyEventV2;
}

const handlerClaims = { sub: 'acc-7', 'custom:unit': 'G-001', 'custom:level': 'grid', 'custom:role': 'handler' };

describe('staff identity from the authorizer claims', () => {
  it('reads unit, level and role', () => {
    expect(staffFromEvent(eventWithClaims(handlerClaims))).toEqual({ staffId: 'acc-7', role: 'handler', unit: { code: 'G-001', level: 'grid' } });
  });

  it('is null without claims or with an unknown role or level', () => {
    expect(staffFromEvent(eventWithClaims())).toBeNull();
    expect(staffFromEvent(eventWithClaims({ ...handlerClaims, 'custom:role': 'admin' }))).toBeNull();
    expect(staffFromEvent(eventWithClaims({ ...handlerClaims, 'custom:level': 'city' }))).toBeNull();
  });

  it('gates a route: 401 without identity, 403 for the wrong role', () => {
    const none = requireStaff(eventWithClaims(), ['supervisor']);
    const wrongRole = requireStaff(eventWithClaims(handlerClaims), ['supervisor']);
    const right = requireStaff(eventWithClaims(handlerClaims), ['handler', 'supervisor']);
    expect(none.ok ? 200 : none.response.statusCode).toBe(401);
    expect(wrongRole.ok ? 200 : wrongRole.response.statusCode).toBe(403);
    expect(right.ok && right.staff.unit.code).toBe('G-001');
  });
});
