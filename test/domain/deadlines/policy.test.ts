// The deadline policy as data: the shipped file validates, bad data is refused with the path of the mistake,
// and category and unit overrides apply in their documented order.
import { describe, expect, it } from 'vitest';
import defaultPolicyData from '../../../shared/domain/deadlines/default-policy.json' with { type: 'json' };
import { computeDeadlines, deadlinesOnArrival, supportAnswerDeadline } from '../../../shared/domain/deadlines/compute-deadlines.js';
import { DEFAULT_POLICY, loadPolicy, resolveRule, workingDays, workingHours } from '../../../shared/domain/deadlines/policy.js';
import type { CaseRecord } from '../../../shared/domain/case-record.js';

const bj = (local: string) => new Date(`${local}+08:00`);
const endOf = (day: string) => bj(`${day}T23:59:59.999`).toISOString();

describe('loading a policy', () => {
  it('accepts the shipped default and keeps its version', () => {
    expect(loadPolicy(defaultPolicyData).version).toBe('huangpu-2026.1');
    expect(DEFAULT_POLICY.overrides.length).toBeGreaterThan(0);
  });

  it('refuses a negative duration, naming where it is', () => {
    const bad = structuredClone(defaultPolicyData) as { normal: { help: { resolve: { amount: number } } } };
    bad.normal.help.resolve.amount = -1;
    expect(() => loadPolicy(bad)).toThrow(/normal\.help\.resolve\.amount/);
  });

  it('refuses fractional working days, unknown units and overrides that name nothing', () => {
    const fractional = structuredClone(defaultPolicyData) as { urgent: { resolve: unknown } };
    fractional.urgent.resolve = { unit: 'working-days', amount: 1.5 };
    expect(() => loadPolicy(fractional)).toThrow(/whole number/);
    const unknownUnit = structuredClone(defaultPolicyData) as { urgent: { resolve: unknown } };
    unknownUnit.urgent.resolve = { unit: 'fortnights', amount: 1 };
    expect(() => loadPolicy(unknownUnit)).toThrow(/urgent\.resolve\.unit/);
    const nameless = structuredClone(defaultPolicyData) as { overrides: unknown[] };
    nameless.overrides.push({ note: 'x', rule: { resolve: { unit: 'working-days', amount: 1 } } });
    expect(() => loadPolicy(nameless)).toThrow(/names a category or a unit/);
  });
});

describe('overrides', () => {
  it('a category override beats the request type rule (燃气: accept in 1 working hour, resolve in 1 day)', () => {
    const rule = resolveRule(DEFAULT_POLICY, { requestType: 'help', urgency: 'normal', category: 'utilities/gas' });
    expect(rule.accept).toEqual(workingHours(1));
    expect(rule.resolve).toEqual(workingDays(1));
    // the exact-category override is applied after the top-level one (utilities: help in 2 days)
    const water = resolveRule(DEFAULT_POLICY, { requestType: 'help', urgency: 'normal', category: 'utilities/water-supply' });
    expect(water.resolve).toEqual(workingDays(2));
    expect(water.accept).toEqual(workingHours(4));
  });

  it('an override limited to a request type leaves the others alone', () => {
    expect(resolveRule(DEFAULT_POLICY, { requestType: 'complaint', urgency: 'normal', category: 'labour/wage-arrears' }).resolve).toEqual(workingDays(10));
    expect(resolveRule(DEFAULT_POLICY, { requestType: 'help', urgency: 'normal', category: 'labour/wage-arrears' }).resolve).toEqual(workingDays(3));
  });

  it('a unit override applies when the unit is among the case units, after the category ones', () => {
    const policy = loadPolicy({
      ...defaultPolicyData,
      overrides: [
        ...defaultPolicyData.overrides,
        { note: 'test: street A resolves help in 4 days', unit: 'street-a', requestType: 'help', rule: { resolve: { unit: 'working-days', amount: 4 } } },
      ],
    });
    const withStreet = resolveRule(policy, { requestType: 'help', urgency: 'normal', category: 'utilities/drainage', unitCodes: ['grid-1', 'street-a'] });
    expect(withStreet.resolve).toEqual(workingDays(4)); // the unit's 4 beats the category's 2
    expect(resolveRule(policy, { requestType: 'help', urgency: 'normal', category: 'utilities/drainage', unitCodes: ['street-b'] }).resolve).toEqual(workingDays(2));
  });

  it('the shipped unit override gives 区应急管理局 2 working hours to answer a call for support', () => {
    const record = {
      classification: { requestType: 'complaint', urgency: 'normal', category: { code: 'public-safety/work-safety', path: [] }, department: { code: 'emergency-management', name: '区应急管理局' } },
      owner: { code: 'g1', name: '网格', level: 'grid' },
      jurisdiction: { district: null, street: null, community: null, grid: { code: 'g1', name: '网格' } },
    } as unknown as Pick<CaseRecord, 'classification' | 'owner' | 'jurisdiction'>;
    expect(supportAnswerDeadline(record, 'emergency-management', bj('2026-11-23T09:00'))).toBe(bj('2026-11-23T11:00').toISOString());
    // another department answers within the complaint rule's 1 working day
    expect(supportAnswerDeadline(record, 'housing-construction', bj('2026-11-23T09:00'))).toBe(endOf('2026-11-24'));
  });
});

describe('deadlines at a transition', () => {
  it('restart for the receiving unit, with the category override in force', () => {
    const record = {
      classification: { requestType: 'help', urgency: 'normal', category: { code: 'utilities/gas', path: [] }, department: { code: 'urban-management', name: '城管' } },
      owner: { code: 'g1', name: '网格', level: 'grid' },
      jurisdiction: { district: null, street: null, community: null, grid: { code: 'g1', name: '网格' } },
    } as unknown as Pick<CaseRecord, 'classification' | 'owner' | 'jurisdiction'>;
    const d = deadlinesOnArrival(record, bj('2026-11-23T09:00'));
    expect(d.acceptBy).toBe(bj('2026-11-23T10:00').toISOString());
    expect(d.resolveBy).toBe(endOf('2026-11-24'));
    // without the override: the help rule (resolve in 3 working days)
    expect(computeDeadlines({ requestType: 'help', urgency: 'normal', from: bj('2026-11-23T09:00') }).resolveBy).toBe(endOf('2026-11-26'));
  });
});
