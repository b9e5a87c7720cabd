// Who a staff member is, as the API's JWT authorizer vouches for it. On AWS an API Gateway JWT authorizer
// (Cognito user pool) verifies the token before the function runs and hands over its claims; locally the
// API emulator verifies tokens signed with the local secret (`npm run token`) and hands over the same claims.
// The handler never sees or checks a signature: it reads claims that only a verified token can carry.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';

/** handler: works the cases its unit owns; supervisor: sees and decides for its unit and everything below; agent: call-centre follow-up. */
export const STAFF_ROLES = ['handler', 'supervisor', 'agent'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_LEVELS = ['district', 'street', 'community', 'grid', 'department'] as const;
export type StaffLevel = (typeof STAFF_LEVELS)[number];

/** The claims, named as Cognito names custom attributes in its ID tokens. */
export const STAFF_CLAIMS = { unit: 'custom:unit', level: 'custom:level', role: 'custom:role' } as const;

export interface StaffIdentity {
  /** the token's subject: a staff account id, never a name or phone number */
  staffId: string;
  role: StaffRole;
  unit: { code: string; level: StaffLevel };
}

const claimsSchema = z.object({
  sub: z.string().min(1).max(128),
  [STAFF_CLAIMS.unit]: z.string().min(1).max(40),
  [STAFF_CLAIMS.level]: z.enum(STAFF_LEVELS),
  [STAFF_CLAIMS.role]: z.enum(STAFF_ROLES),
});

/** The staff member behind a request, or null when the request carries no (valid) staff claims. */
export function staffFromEvent(event: APIGatewayProxyEventV2): StaffIdentity | null {
  const context = event.requestContext as APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims?: Record<string, unknown> } };
  };
  const parsed = claimsSchema.safeParse(context.authorizer?.jwt?.claims ?? {});
  if (!parsed.success) return null;
  const claims = parsed.data;
  return {
    staffId: claims.sub,
    role: claims[STAFF_CLAIMS.role],
    unit: { code: claims[STAFF_CLAIMS.unit], level: claims[STAFF_CLAIMS.level] },
  };
}
