// API Gateway v2 events for calling an API function directly, as the gateway (or the local runtime) would:
// path parameters filled in, a JWT authorizer's claims for staff, the body as text or base64.
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export interface EventInput {
  method: string;
  /** the route's path template, e.g. /cases/{caseId} */
  path: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
  isBase64Encoded?: boolean;
  /** a verified staff token's claims (what the JWT authorizer hands over); none: no token */
  claims?: Record<string, string>;
  sourceIp?: string;
}

/** The {name}s of a path template. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1]!);
}

/** As a path segment; a lone surrogate (which no URL can carry) is left as it is. */
function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value;
  }
}

export function apiEvent(input: EventInput): APIGatewayProxyEventV2 {
  const rawPath = input.path.replace(/\{([^}+]+)\+?\}/g, (_, name: string) => encodeSegment(input.pathParameters?.[name] ?? ''));
  const now = new Date();
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: `${input.method} ${input.path}`,
    rawPath,
    rawQueryString: input.query ? new URLSearchParams(input.query).toString() : '',
    headers: Object.fromEntries(Object.entries(input.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    ...(input.query ? { queryStringParameters: input.query } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'fuzz',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method: input.method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: input.sourceIp ?? '127.0.0.1', userAgent: 'fuzz' },
      requestId: randomUUID(),
      routeKey: `${input.method} ${input.path}`,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    ...(input.body !== undefined ? { body: input.body } : {}),
    ...(input.pathParameters ? { pathParameters: input.pathParameters } : {}),
    isBase64Encoded: input.isBase64Encoded ?? false,
  };
  if (input.claims) Object.assign(event.requestContext, { authorizer: { jwt: { claims: input.claims, scopes: null } } });
  return event;
}
