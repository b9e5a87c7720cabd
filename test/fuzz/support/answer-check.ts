// What every answer to bad input must be: a 2xx or a 4xx, never a 5xx; and a 4xx must say what was wrong —
// in our `{ error: { code, message } }`, or, on the Open311 (GeoReport v2) endpoints, in that standard's own
// error list (`[{ code, description }]` as JSON, or `<errors><error>…<description>` as XML).
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

function clearRefusal(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as unknown;
    const error = (parsed as { error?: { code?: unknown; message?: unknown } }).error;
    if (typeof error?.code === 'string' && /^[a-z_]+$/.test(error.code) && typeof error.message === 'string' && error.message.length >= 5) return true;
    const first = Array.isArray(parsed) ? (parsed[0] as { code?: unknown; description?: unknown } | undefined) : undefined;
    return typeof first?.description === 'string' && first.description.length >= 5 && typeof first.code === 'number';
  } catch {
    return /<error>[\s\S]*<description>[^<]{5,}<\/description>/.test(body);
  }
}

export function answerProblem(result: APIGatewayProxyStructuredResultV2): string | undefined {
  const status = result.statusCode ?? 0;
  if (status >= 500 || status < 200) return `status ${status}: ${result.body ?? ''}`.slice(0, 500);
  if (status >= 400 && !clearRefusal(result.body ?? '')) return `status ${status} without a clear message: ${(result.body ?? '').slice(0, 200)}`;
  return undefined;
}
