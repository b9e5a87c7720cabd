// The in-memory queue store without HTTP: AWS's MD5 algorithm on published sample values, and
// amortised O(1) behaviour with tens of thousands of messages in flight, delayed and deleted.
import { describe, expect, it } from 'vitest';
import { md5Hex, md5OfAttributes } from '../../../infra/local/sqs/md5.js';
import { QueueStore } from '../../../infra/local/sqs/store.js';

describe('md5OfAttributes', () => {
  it('matches the digests AWS publishes for its samples', () => {
    expect(
      md5OfAttributes({
        test_attribute_name_2: { DataType: 'String', StringValue: 'test_attribute_value_2' },
        test_attribute_name_1: { DataType: 'String', StringValue: 'test_attribute_value_1' },
      }),
    ).toBe('d53f3b558fe951154770f25cb63dbba9');
    expect(
      md5OfAttributes({ test_attribute_name: { DataType: 'Binary', BinaryValue: Buffer.from('test_attribute_value').toString('base64') } }),
    ).toBe('23f6bd27ea87aab7dfeadcc9aebee495');
    expect(
      md5OfAttributes({ ordinal: { DataType: 'Number', StringValue: '1' }, category: { DataType: 'String', StringValue: 'test' } }),
    ).toBe('d21ae90c49061e927f57df5f5d72be1f');
    expect(md5OfAttributes({})).toBeUndefined();
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
  });
});

describe('QueueStore', () => {
  it('handles tens of thousands of messages without scanning', async () => {
    const store = new QueueStore();
    const queue = store.createQueue('load', { VisibilityTimeout: '30' });
    const total = 40_000;
    const started = performance.now();
    for (let i = 0; i < total; i++) {
      queue.enqueue({ body: `m${i}`, md5OfBody: md5Hex(`m${i}`), attributes: {}, systemAttributes: {}, senderId: 'test', delaySeconds: i % 4 === 0 ? 600 : 0 });
    }
    expect(queue.approximateCounts()).toEqual({ visible: 30_000, inflight: 0, delayed: 10_000 });

    const handles: string[] = [];
    for (;;) {
      const batch = await queue.receive({ maxMessages: 10 }, 0);
      if (batch.length === 0) break;
      for (const r of batch) handles.push(r.receiptHandle);
    }
    expect(handles).toHaveLength(30_000);
    expect(queue.approximateCounts()).toEqual({ visible: 0, inflight: 30_000, delayed: 10_000 });

    handles.forEach((handle, i) => (i % 2 === 0 ? queue.deleteMessage(handle) : queue.changeVisibility(handle, 0)));
    expect(queue.approximateCounts()).toEqual({ visible: 15_000, inflight: 0, delayed: 10_000 });

    let again = 0;
    for (;;) {
      const batch = await queue.receive({ maxMessages: 10, visibilityTimeoutSeconds: 60 }, 0);
      if (batch.length === 0) break;
      again += batch.length;
      for (const r of batch) {
        expect(r.receiveCount).toBe(2);
        queue.deleteMessage(r.receiptHandle);
      }
    }
    expect(again).toBe(15_000);
    expect(queue.approximateCounts()).toEqual({ visible: 0, inflight: 0, delayed: 10_000 });
    expect(performance.now() - started).toBeLessThan(5000);
    store.close();
  });

  it('snapshots and restores: in-flight becomes visible, delayed stays delayed, redrive is kept', async () => {
    const store = new QueueStore();
    store.createQueue('dead');
    const queue = store.createQueue('live', {
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:us-east-1:000000000000:dead', maxReceiveCount: 1 }),
    });
    const message = (body: string, delaySeconds = 0) => ({ body, md5OfBody: md5Hex(body), attributes: {}, systemAttributes: {}, senderId: 't', delaySeconds });
    queue.enqueue(message('a'));
    queue.enqueue(message('b', 900));
    const [received] = await queue.receive({ maxMessages: 1 }, 0);
    expect(received?.message.body).toBe('a');

    const restored = new QueueStore();
    restored.loadSnapshot(JSON.parse(JSON.stringify(store.toSnapshot())));
    const live = restored.getQueue('live');
    expect(live.approximateCounts()).toEqual({ visible: 1, inflight: 0, delayed: 1 });
    // 'a' was received once already: with maxReceiveCount 1 the next receive dead-letters it
    expect(await live.receive({ maxMessages: 10 }, 0)).toEqual([]);
    const [dead] = await restored.getQueue('dead').receive({ maxMessages: 1 }, 0);
    expect(dead?.message.body).toBe('a');
    expect(dead?.message.deadLetterSourceQueue).toBe('live');
    store.close();
    restored.close();
  });
});
