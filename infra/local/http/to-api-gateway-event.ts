// Turns a Node HTTP request into the event an API Gateway HTTP API (payload format 2.0) hands a Lambda function.
//
// What API Gateway does, and so what this does:
// - header names lower-cased; a header sent more than once becomes one value joined by commas;
//   the Cookie header is taken out of `headers` and split into `cookies`;
//   x-forwarded-for / -port / -proto and x-amzn-trace-id are added, as API Gateway adds them.
// - rawPath and requestContext.http.path are the url-decoded path; pathParameters are decoded;
//   rawQueryString is the query as sent (still encoded); queryStringParameters are decoded,
//   a parameter sent more than once becomes one value joined by commas.
// - the body is text when the content type is text/*, application/json, application/xml or
//   application/javascript; anything else, no content type included (and, surprisingly,
//   application/x-www-form-urlencoded), comes base64-encoded with isBase64Encoded: true.
//   AWS does not document the list; this split is what has been observed on real HTTP APIs.
// - hop-by-hop headers (connection, keep-alive, transfer-encoding …) stop at the gateway; headers come sorted by name.
// - fields with nothing in them (cookies, queryStringParameters, pathParameters, body) are left out.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export interface MatchedRoute {
  /** 'POST /cases', or '$default' */
  routeKey: string;
  /** the template's {param} values, already decoded */
  pathParameters?: Record<string, string>;
}

export interface ApiGatewayEventOptions {
  /** default '000000000000' */
  accountId?: string;
  /** default 'local' */
  apiId?: string;
  /** default '$default' */
  stage?: string;
  /** default: a fresh id shaped like API Gateway's */
  requestId?: string;
  /** default: now */
  now?: Date;
  /** x-forwarded-proto; default 'http' (API Gateway itself is always https) */
  forwardedProto?: string;
  /** x-forwarded-port; default the port the request came in on */
  forwardedPort?: number;
}

export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_API_ID = 'local';

const TEXT_MEDIA_TYPES = new Set(['application/json', 'application/xml', 'application/javascript']);

/** Whether API Gateway passes a body of this content type as text (else it base64-encodes it). */
export function isTextContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  return mediaType.startsWith('text/') || TEXT_MEDIA_TYPES.has(mediaType);
}

/** An id shaped like API Gateway's requestId / apigw-requestid, e.g. "QQCtFipSIAMEPNQ=". */
export function newApiGatewayRequestId(): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(15);
  let id = '';
  for (const byte of bytes) id += letters[byte % letters.length];
  return `${id}=`;
}

export function toApiGatewayEvent(
  req: IncomingMessage,
  rawBody: Buffer,
  route: MatchedRoute,
  options: ApiGatewayEventOptions = {},
): APIGatewayProxyEventV2 {
  const now = options.now ?? new Date();
  const target = req.url ?? '/';
  const queryAt = target.indexOf('?');
  const encodedPath = queryAt === -1 ? target : target.slice(0, queryAt);
  const rawQueryString = queryAt === -1 ? '' : target.slice(queryAt + 1);
  const rawPath = decodePath(encodedPath);

  const { headers, cookies } = collectHeaders(req);
  const sourceIp = clientIp(req);
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${sourceIp}` : sourceIp;
  headers['x-forwarded-port'] = String(options.forwardedPort ?? req.socket.localPort ?? 80);
  headers['x-forwarded-proto'] = options.forwardedProto ?? 'http';
  headers['x-amzn-trace-id'] ??= newTraceId(now);

  const domainName = (headers.host ?? 'localhost').replace(/:\d+$/, '');
  const requestId = options.requestId ?? newApiGatewayRequestId();
  const method = (req.method ?? 'GET').toUpperCase();

  let body: string | undefined;
  let isBase64Encoded = false;
  if (rawBody.length > 0) {
    isBase64Encoded = !isTextContentType(headers['content-type']);
    body = rawBody.toString(isBase64Encoded ? 'base64' : 'utf8');
  }

  // Fields in the order API Gateway sends them; empty ones left out.
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers: sortedByName(headers),
    ...(rawQueryString ? { queryStringParameters: parseQuery(rawQueryString) } : {}),
    requestContext: {
      accountId: options.accountId ?? LOCAL_ACCOUNT_ID,
      apiId: options.apiId ?? LOCAL_API_ID,
      domainName,
      domainPrefix: domainName.split('.')[0] ?? domainName,
      http: {
        method,
        path: rawPath,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: route.routeKey,
      stage: options.stage ?? '$default',
      time: formatRequestTime(now),
      timeEpoch: now.getTime(),
    },
    ...(body !== undefined ? { body } : {}),
    ...(route.pathParameters && Object.keys(route.pathParameters).length > 0
      ? { pathParameters: { ...route.pathParameters } }
      : {}),
    isBase64Encoded,
  };
  return event;
}

/** Decodes each segment (a malformed %-escape is left as sent), as API Gateway hands rawPath over decoded. */
export function decodePath(encodedPath: string): string {
  return encodedPath.split('/').map(decodeSegment).join('/');
}

export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Hop-by-hop headers end at API Gateway; the function never sees them. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

function collectHeaders(req: IncomingMessage): { headers: Record<string, string>; cookies: string[] } {
  const headers = new Map<string, string>();
  const cookies: string[] = [];
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = raw[i + 1]!;
    if (HOP_BY_HOP.has(name)) continue;
    if (name === 'cookie') {
      for (const cookie of value.split(';')) {
        const trimmed = cookie.trim();
        if (trimmed) cookies.push(trimmed);
      }
      continue;
    }
    const earlier = headers.get(name);
    headers.set(name, earlier === undefined ? value : `${earlier},${value}`);
  }
  return { headers: Object.fromEntries(headers), cookies };
}

function sortedByName(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function parseQuery(rawQueryString: string): Record<string, string> {
  const params = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    const earlier = params.get(name);
    params.set(name, earlier === undefined ? value : `${earlier},${value}`);
  }
  return Object.fromEntries(params);
}

function clientIp(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? '127.0.0.1';
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** API Gateway's requestContext.time: "12/Mar/2020:19:03:58 +0000" (UTC). */
export function formatRequestTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${two(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`
  );
}

/** X-Ray's trace header: "Root=1-<epoch seconds, hex>-<96 random bits, hex>". */
function newTraceId(now: Date): string {
  const seconds = Math.floor(now.getTime() / 1000).toString(16).padStart(8, '0');
  return `Root=1-${seconds}-${randomBytes(12).toString('hex')}`;
}
