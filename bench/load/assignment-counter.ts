// How many cases have reached a grid so far: the district's "received" day counters, which the grid hop
// increments once per assignment (shared/services/assign-to-grid.ts). Read through the figures adapter with a
// client of its own, so these reads are not counted as the system's.
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { localDynamoClient } from '../../infra/local/dynamo/local-client.js';
import { UnitFiguresStore } from '../../shared/adapters/dynamo/unit-figures-store.js';
import { beijingDate } from '../../shared/domain/beijing-time.js';

const DAY_MS = 86_400_000;

export class AssignmentCounter {
  private readonly client: DynamoDBDocumentClient;
  private readonly store: UnitFiguresStore;

  constructor(dynamoEndpoint: string, tableName: string) {
    this.client = DynamoDBDocumentClient.from(localDynamoClient(dynamoEndpoint));
    this.store = new UnitFiguresStore(this.client, tableName);
  }

  /** Assignments counted on the district's days around today (a run may cross Beijing midnight). */
  async count(): Promise<number> {
    const now = Date.now();
    const rows = await this.store.forLevel('district', beijingDate(new Date(now - DAY_MS)), beijingDate(new Date(now + DAY_MS)));
    return rows.reduce((sum, row) => sum + row.received, 0);
  }

  /** Waits until `target` assignments are counted, or the time is up; answers the count and when it was reached. */
  async waitFor(target: number, timeoutMs: number, pollMs = 100): Promise<{ count: number; atMs: number }> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const count = await this.count();
      if (count >= target || performance.now() > deadline) return { count, atMs: performance.now() };
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  close(): void {
    this.client.destroy();
  }
}
