// Sends cases as a careful client does: each with its own Idempotency-Key, a bounded number in flight, and a
// retry with the same key after a 5xx or a dropped connection. Reports which case each key got.
export interface SentCase {
  key: string;
  caseId?: string;
  trackingToken?: string;
  attempts: number;
  /** every case id the key was answered with (more than one would be a duplicate case) */
  answeredIds: Set<string>;
  statuses: number[];
}

export interface SendOptions {
  apiUrl: string;
  bodies: readonly unknown[];
  count: number;
  keyPrefix: string;
  concurrency: number;
  maxAttempts: number;
}

async function postOnce(apiUrl: string, body: unknown, key: string): Promise<{ status: number; json?: { caseId?: string; trackingToken?: string } }> {
  try {
    const response = await fetch(`${apiUrl}/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    });
    const json = (await response.json().catch(() => undefined)) as { caseId?: string; trackingToken?: string } | undefined;
    return { status: response.status, ...(json ? { json } : {}) };
  } catch {
    return { status: 0 };
  }
}

export async function sendCases(options: SendOptions): Promise<SentCase[]> {
  const sent: SentCase[] = Array.from({ length: options.count }, (_, i) => ({ key: `${options.keyPrefix}-${i}`, attempts: 0, answeredIds: new Set(), statuses: [] }));
  let next = 0;
  const worker = async () => {
    while (next < sent.length) {
      const i = next++;
      const entry = sent[i]!;
      const body = options.bodies[i % options.bodies.length];
      while (entry.attempts < options.maxAttempts) {
        entry.attempts += 1;
        const { status, json } = await postOnce(options.apiUrl, body, entry.key);
        entry.statuses.push(status);
        if (status === 201 && json?.caseId) {
          entry.answeredIds.add(json.caseId);
          entry.caseId = json.caseId;
          if (json.trackingToken) entry.trackingToken = json.trackingToken;
          break;
        }
        if (status !== 0 && status < 500) break; // a 4xx will not change on retry
        await new Promise((resolve) => setTimeout(resolve, 20 * entry.attempts));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return sent;
}
