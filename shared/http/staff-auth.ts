// The one gate of every staff endpoint: 401 without a staff identity, 403 when the role may not do this.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { staffFromEvent, type StaffIdentity, type StaffRole } from '../security/staff-identity.js';
import { errorResponse } from './responses.js';

export type StaffCheck = { ok: true; staff: StaffIdentity } | { ok: false; response: APIGatewayProxyStructuredResultV2 };

/** `const check = requireStaff(event, ['supervisor']); if (!check.ok) return check.response;` */
export function requireStaff(event: APIGatewayProxyEventV2, roles: readonly StaffRole[]): StaffCheck {
  const staff = staffFromEvent(event);
  if (!staff) {
    return { ok: false, response: errorResponse(401, 'unauthenticated', 'this endpoint is for staff: send a staff token as "Authorization: Bearer <token>"') };
  }
  if (!roles.includes(staff.role)) {
    return { ok: false, response: errorResponse(403, 'forbidden', `a ${staff.role} may not do this; it needs one of: ${roles.join(', ')}`) };
  }
  return { ok: true, staff };
}
