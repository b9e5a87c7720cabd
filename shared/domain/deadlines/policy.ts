// The deadline policy (时限标准) as data: default-policy.json, checked against policy-schema.ts when loaded.
// A rule gives the four clocks — accept (签收), respond (响应), resolve (办结) and a department's answer to a call
// for support (报到) — per urgency and request type; overrides change clocks for a category (or a whole top
// level of categories) and for a unit, most specific last: base rule → category overrides (top level, then the
// exact category) → unit overrides. Each number is explained in docs/deadline-policy.md.
import type { RequestType, Urgency } from '../case.js';
import defaultPolicyData from './default-policy.json' with { type: 'json' };
import { policySchema, type DeadlinePolicyData, DURATION_UNITS } from './policy-schema.js';

export type DurationUnit = (typeof DURATION_UNITS)[number];

export interface Duration {
  unit: DurationUnit;
  amount: number;
}

/** The four clocks of a case. */
export interface DeadlineRule {
  /** 签收: the receiving unit acknowledges the case */
  accept: Duration;
  /** 响应: first contact with the caller */
  respond: Duration;
  /** 办结: the unit finishes and records its answer */
  resolve: Duration;
  /** 报到: a department answers a call for support (呼) on the case */
  supportAnswer: Duration;
}

export type DeadlinePolicy = DeadlinePolicyData;
export type SweepRule = DeadlinePolicy['sweep']['normal'];

export const calendarHours = (amount: number): Duration => ({ unit: 'calendar-hours', amount });
export const workingHours = (amount: number): Duration => ({ unit: 'working-hours', amount });
export const workingDays = (amount: number): Duration => ({ unit: 'working-days', amount });

/** Checks policy data; throws with every problem's path (e.g. `normal.help.resolve.amount`). */
export function loadPolicy(data: unknown): DeadlinePolicy {
  const parsed = policySchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`invalid deadline policy: ${problems}`);
  }
  return parsed.data;
}

export const DEFAULT_POLICY: DeadlinePolicy = loadPolicy(defaultPolicyData);

const clocksOf = (rule: DeadlinePolicy['urgent']): DeadlineRule => ({ accept: rule.accept, respond: rule.respond, resolve: rule.resolve, supportAnswer: rule.supportAnswer });

/** The base rule: the urgent rule for an urgent case, else the one of its request type (no overrides). */
export function ruleFor(policy: DeadlinePolicy, requestType: RequestType, urgency: Urgency): DeadlineRule {
  return clocksOf(urgency === 'urgent' ? policy.urgent : policy.normal[requestType]);
}

export interface RuleQuery {
  requestType: RequestType;
  urgency: Urgency;
  /** the case's category code, e.g. "utilities/gas" */
  category?: string;
  /** the units the case is with: its owner and every unit above it, and the department concerned */
  unitCodes?: readonly string[];
}

function categoryMatch(overrideCategory: string, category: string | undefined): number {
  if (!category) return 0;
  if (overrideCategory === category) return 2;
  if (category.startsWith(`${overrideCategory}/`)) return 1;
  return 0;
}

/** The rule for a case after every matching override (see the file header for the order). */
export function resolveRule(policy: DeadlinePolicy, query: RuleQuery): DeadlineRule {
  const rule = ruleFor(policy, query.requestType, query.urgency);
  const applies = (o: DeadlinePolicy['overrides'][number]) =>
    (o.requestType === undefined || o.requestType === query.requestType) && (o.urgency === undefined || o.urgency === query.urgency);
  const byCategory = policy.overrides
    .map((o) => ({ o, rank: o.category !== undefined && o.unit === undefined ? categoryMatch(o.category, query.category) : 0 }))
    .filter(({ o, rank }) => rank > 0 && applies(o))
    .sort((a, b) => a.rank - b.rank);
  const units = new Set(query.unitCodes ?? []);
  const byUnit = policy.overrides.filter(
    (o) => o.unit !== undefined && units.has(o.unit) && applies(o) && (o.category === undefined || categoryMatch(o.category, query.category) > 0),
  );
  for (const { o } of byCategory) Object.assign(rule, o.rule);
  for (const o of byUnit) Object.assign(rule, o.rule);
  return rule;
}

export function sweepRuleFor(policy: DeadlinePolicy, urgency: Urgency): SweepRule {
  return policy.sweep[urgency];
}
