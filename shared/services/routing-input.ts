// What the router reads of a case: its text, address and location (never the caller).
import type { CaseRecord } from '../domain/case-record.js';
import type { RoutingInput } from '../domain/routing/router.js';

export function routingInput(record: CaseRecord): RoutingInput {
  return {
    content: record.content,
    ...(record.address ? { address: record.address } : {}),
    ...(record.location ? { location: record.location } : {}),
  };
}
