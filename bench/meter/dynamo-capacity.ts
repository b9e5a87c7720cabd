// Counts what a DynamoDB client consumes: a middleware asks every call for ReturnConsumedCapacity TOTAL and
// adds up the ConsumedCapacity the answers carry, per operation. Attached by the benchmarks only, to the
// same client the handlers use; nothing in the code under test changes.
//
// What the engine reports is what is counted. dynalite reports the base table's capacity (by DynamoDB's
// size rules) but not what global secondary indexes consume; gsi-write-units.ts counts those.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

export interface OperationCount {
  calls: number;
  capacityUnits: number;
  /** conditional writes refused: DynamoDB still bills at least one write unit each, and reports none */
  conditionFailures: number;
}

export interface CapacitySnapshot {
  readUnits: number;
  writeUnits: number;
  calls: number;
  conditionFailures: number;
  byOperation: Record<string, OperationCount>;
  /** single-item writes by the kind of item written, e.g. "CASE/EVT" (PK and SK up to their first #) */
  writesByItemKind: Record<string, number>;
}

type ConsumedCapacity = { CapacityUnits?: number };

/** "CASE/EVT" for PK CASE#…, SK EVT#…: which kind of item a single-item call reads or writes ('*' for a key
 * part with no name in front, such as a bare timestamp). */
export function itemKind(input: unknown): string | undefined {
  const { Key, Item } = (input ?? {}) as { Key?: Record<string, unknown>; Item?: Record<string, unknown> };
  const keys = Key ?? Item;
  if (!keys) return undefined;
  const part = (value: unknown) => {
    const text = typeof value === 'string' ? value : (value as { S?: string } | undefined)?.S;
    if (text === undefined) return '?';
    const prefix = text.split('#')[0]!;
    return /^[A-Za-z_]+$/.test(prefix) ? prefix : '*'; // a key with no name in front (a date, an id) is '*'
  };
  return `${part(keys.PK)}/${part(keys.SK)}`;
}

function unitsOf(output: unknown): number {
  const consumed = (output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] } | undefined)?.ConsumedCapacity;
  if (!consumed) return 0;
  return (Array.isArray(consumed) ? consumed : [consumed]).reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
}

export class DynamoCapacityMeter {
  private readonly ops = new Map<string, OperationCount>();
  private readonly kinds = new Map<string, number>();
  /** calls whose answer carried no ConsumedCapacity at all (an engine that does not report it) */
  unreported = 0;

  attach(client: Pick<DynamoDBClient, 'middlewareStack'>): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
        (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
        const count = this.countFor(operation);
        count.calls++;
        const kind = WRITES.has(operation) ? itemKind(args.input) : undefined;
        if (kind) this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
        try {
          const result = await next(args);
          const units = unitsOf(result.output);
          if (units === 0 && !(result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity) this.unreported++;
          count.capacityUnits += units;
          return result;
        } catch (error) {
          if ((error as { name?: string }).name === 'ConditionalCheckFailedException') count.conditionFailures++;
          throw error;
        }
      },
      { step: 'initialize', name: 'benchCapacityMeter', override: true },
    );
  }

  private countFor(operation: string): OperationCount {
    let count = this.ops.get(operation);
    if (!count) this.ops.set(operation, (count = { calls: 0, capacityUnits: 0, conditionFailures: 0 }));
    return count;
  }

  snapshot(): CapacitySnapshot {
    const byOperation: Record<string, OperationCount> = {};
    let readUnits = 0;
    let writeUnits = 0;
    let calls = 0;
    let conditionFailures = 0;
    for (const [operation, count] of this.ops) {
      byOperation[operation] = { ...count };
      calls += count.calls;
      conditionFailures += count.conditionFailures;
      if (READS.has(operation)) readUnits += count.capacityUnits;
      else if (WRITES.has(operation)) writeUnits += count.capacityUnits + count.conditionFailures;
    }
    return { readUnits, writeUnits, calls, conditionFailures, byOperation, writesByItemKind: Object.fromEntries(this.kinds) };
  }
}

/** What happened between two snapshots. */
export function capacityBetween(before: CapacitySnapshot, after: CapacitySnapshot): CapacitySnapshot {
  const byOperation: Record<string, OperationCount> = {};
  for (const [operation, count] of Object.entries(after.byOperation)) {
    const earlier = before.byOperation[operation] ?? { calls: 0, capacityUnits: 0, conditionFailures: 0 };
    const delta = { calls: count.calls - earlier.calls, capacityUnits: count.capacityUnits - earlier.capacityUnits, conditionFailures: count.conditionFailures - earlier.conditionFailures };
    if (delta.calls > 0) byOperation[operation] = delta;
  }
  return {
    readUnits: after.readUnits - before.readUnits,
    writeUnits: after.writeUnits - before.writeUnits,
    calls: after.calls - before.calls,
    conditionFailures: after.conditionFailures - before.conditionFailures,
    byOperation,
    writesByItemKind: Object.fromEntries(
      Object.entries(after.writesByItemKind)
        .map(([kind, n]) => [kind, n - (before.writesByItemKind[kind] ?? 0)] as const)
        .filter(([, n]) => n > 0),
    ),
  };
}
