// The local SQS endpoint's out-of-order delivery (used by the fault injection): with a delivery jitter,
// messages sent in order come out in another order, every one exactly once; without it, in order.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../infra/local/faults/random.js';
import { md5Hex } from '../../../infra/local/sqs/md5.js';
import { QueueStore } from '../../../infra/local/sqs/store.js';

async function sendAndDrain(store: QueueStore, count: number, waitMs: number): Promise<string[]> {
  const queue = store.createQueue('q', { VisibilityTimeout: '30' });
  for (let i = 0; i < count; i++) queue.enqueue({ body: `m${i}`, md5OfBody: md5Hex(`m${i}`), attributes: {}, systemAttributes: {}, senderId: 't', delaySeconds: 0 });
  await new Promise((resolve) => setTimeout(resolve, waitMs));
  const bodies: string[] = [];
  for (;;) {
    const batch = await queue.receive({ maxMessages: 10 }, 0);
    if (batch.length === 0) return bodies;
    bodies.push(...batch.map((r) => r.message.body));
  }
}

describe('delivery jitter', () => {
  it('delivers every message once, out of order', async () => {
    const bodies = await sendAndDrain(new QueueStore(() => {}, { deliveryJitterMs: 40, random: seededRandom(7) }), 50, 80);
    const sent = Array.from({ length: 50 }, (_, i) => `m${i}`);
    expect([...bodies].sort()).toEqual([...sent].sort());
    expect(bodies).not.toEqual(sent);
  });

  it('keeps the order without it', async () => {
    const bodies = await sendAndDrain(new QueueStore(), 50, 0);
    expect(bodies).toEqual(Array.from({ length: 50 }, (_, i) => `m${i}`));
  });
});
