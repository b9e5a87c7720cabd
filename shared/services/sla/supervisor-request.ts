// The common start of every supervisor endpoint: a supervisor's identity (401/403), its query parameters
// checked (400 with one detail per problem), and which units it may see.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { z } from 'zod';
import { beijingDate } from '../../domain/beijing-time.js';
import { findDepartment } from '../../domain/departments.js';
import type { FigureLevel } from '../../domain/figures/query-params.js';
import { describeProblems } from '../../domain/intake-request.js';
import { huangpuTree } from '../../domain/jurisdiction/huangpu.js';
import { errorResponse } from '../../http/responses.js';
import { requireStaff } from '../../http/staff-auth.js';
import type { StaffIdentity } from '../../security/staff-identity.js';
import { supervisorScope, type UnitScope } from './supervisor-scope.js';

export type SupervisorRequest<T> = { ok: true; staff: StaffIdentity; query: T; scope: UnitScope } | { ok: false; response: APIGatewayProxyStructuredResultV2 };

const LEVEL_DEPTH: Record<string, number> = { district: 0, street: 1, community: 2, grid: 3 };

/** Whether a supervisor may ask about the units of a level: its own level and the ones below it. */
export function levelVisible(staff: StaffIdentity, level: FigureLevel): boolean {
  const own = staff.unit.level;
  if (own === 'district') return true;
  if (own === 'department' || level === 'department') return own === level;
  return LEVEL_DEPTH[level]! >= LEVEL_DEPTH[own]!;
}

/** The level of a unit code: a node of the jurisdiction tree or a department; undefined if unknown. */
export function unitLevel(code: string): FigureLevel | undefined {
  const node = huangpuTree.get(code);
  if (node) return node.level;
  return findDepartment(code) ? 'department' : undefined;
}

export function supervisorRequest<S extends z.ZodType>(event: APIGatewayProxyEventV2, schema: S, prepare: (params: Record<string, string | undefined>, today: string) => Record<string, string | undefined> = (p) => p, now: Date = new Date()): SupervisorRequest<z.infer<S>> {
  const check = requireStaff(event, ['supervisor']);
  if (!check.ok) return check;
  const params = prepare({ ...(event.queryStringParameters ?? {}) }, beijingDate(now));
  const parsed = schema.safeParse(params);
  if (!parsed.success) return { ok: false, response: errorResponse(400, 'invalid_query', 'the query has invalid parameters', describeProblems(parsed.error)) };
  return { ok: true, staff: check.staff, query: parsed.data, scope: supervisorScope(check.staff, huangpuTree) };
}

export const outsideUnit = (what: string) => errorResponse(403, 'outside_your_unit', `${what} is outside your unit: a supervisor sees its own unit and the units below it`);
