// What the router reads of a case: its text, address and location (never the caller), and the units it
// must not choose again because they returned the case (退单). A grid's return excludes its whole
// community (the street then picks another community); a community's, street's or department's return
// excludes that unit.
import type { CaseRecord } from '../domain/case-record.js';
import type { RoutingInput } from '../domain/routing/router.js';

/** The unit codes a case's returns rule out, in the order returned. */
export function excludedByReturns(record: Pick<CaseRecord, 'returns'>): string[] {
  const out = new Set<string>();
  for (const r of record.returns ?? []) {
    out.add(r.unit.code);
    // a grid code is <12-digit community code>-<2 digits> (the jurisdiction schema enforces it)
    if (r.unit.level === 'grid') out.add(r.unit.code.split('-')[0] as string);
  }
  return [...out];
}

export function routingInput(record: CaseRecord): RoutingInput {
  const excludeUnits = excludedByReturns(record);
  return {
    content: record.content,
    ...(record.address ? { address: record.address } : {}),
    ...(record.location ? { location: record.location } : {}),
    ...(excludeUnits.length ? { excludeUnits } : {}),
  };
}
