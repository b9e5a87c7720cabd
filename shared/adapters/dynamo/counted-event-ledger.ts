// Which timeline events have been counted in the figures, so each event is counted exactly once even when it
// is delivered twice, two sweepers meet, or a writer dies half way — without transactions (dynalite has none).
//
// One marker per event (case, seq), in two states:
//   counting — someone holds a lease and is applying the event's counter updates. Each update is itself
//              conditional on a per-event tag on the counter item (unit-figures-store.ts), so applying it
//              again after a crash adds nothing twice.
//   done     — every update landed; the tags are then removed from the counter items.
// A second caller that finds a live lease waits for it; one that finds an expired lease (its holder died)
// takes it over and finishes the job. The tags make a re-applied update harmless; the lease only guards the
// tags' removal: a holder stalled longer than the lease between its claim and an update (seconds of SDK
// retries would not do it) could add after the new holder removed that tag. Markers written before the two
// states existed carry no state and count as done.
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './case-repository.js';
import { countedEventKey } from './keys.js';

/** Markers expire after this long (events are counted within seconds; a redelivery comes within days). */
const MARKER_TTL_SECONDS = 400 * 24 * 3600;
/**
 * Counting an event takes a few writes (milliseconds); a holder silent for this long has died (or its write
 * failed after landing, so its own retry finds the marker). Short, so that retry can take over within the
 * same invocation (count-event.ts waits it out) instead of failing until its message goes to a DLQ.
 */
export const COUNTING_LEASE_MS = 5_000;

/** count: this caller must apply the event; counted: done before; busy: another caller holds a live lease. */
export type CountClaim = 'count' | 'counted' | 'busy';

export class CountedEventLedger {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claim(caseId: string, seq: number, now: Date): Promise<CountClaim> {
    const key = countedEventKey(caseId, seq);
    const leaseUntil = new Date(now.getTime() + COUNTING_LEASE_MS).toISOString();
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...key, state: 'counting', leaseUntil, countedAt: now.toISOString(), expiresAt: Math.floor(now.getTime() / 1000) + MARKER_TTL_SECONDS },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return 'count';
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    try {
      // take over a lease whose holder died
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'SET leaseUntil = :lease',
          ConditionExpression: '#state = :counting AND leaseUntil < :now',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':lease': leaseUntil, ':counting': 'counting', ':now': now.toISOString() },
        }),
      );
      return 'count';
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    return (await this.state(caseId, seq)) === 'counting' ? 'busy' : 'counted';
  }

  /** Every counter update of the event landed. */
  async complete(caseId: string, seq: number): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: countedEventKey(caseId, seq),
        UpdateExpression: 'SET #state = :done REMOVE leaseUntil',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':done': 'done' },
      }),
    );
  }

  /** Whether the event's counting finished (a marker still 'counting' is not counted yet). */
  async wasCounted(caseId: string, seq: number): Promise<boolean> {
    const state = await this.state(caseId, seq);
    return state !== undefined && state !== 'counting';
  }

  /** undefined: no marker; 'counting'; 'done' (markers from before the states count as 'done'). */
  private async state(caseId: string, seq: number): Promise<'counting' | 'done' | undefined> {
    const result = await this.db.send(new GetCommand({ TableName: this.tableName, Key: countedEventKey(caseId, seq), ConsistentRead: true }));
    if (!result.Item) return undefined;
    return result.Item.state === 'counting' ? 'counting' : 'done';
  }
}
