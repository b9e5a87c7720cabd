// The pure parts of the local API Gateway: result → HTTP response, content types, route matching.
import { describe, expect, it, vi } from 'vitest';
import { fromApiGatewayResult, MalformedLambdaResponseError } from '../../../infra/local/http/from-api-gateway-result.js';
import { matchRoute } from '../../../infra/local/http/match-route.js';
import { formatRequestTime, isTextContentType } from '../../../infra/local/http/to-api-gateway-event.js';

const text = (b: Buffer) => b.toString('utf8');

describe('fromApiGatewayResult', () => {
  it('takes a structured result as it is, stringifying header values and adding a set-cookie per cookie', () => {
    const r = fromApiGatewayResult({ statusCode: 202, headers: { 'X-A': 1, 'x-b': true }, cookies: ['c=1'], body: '已受理' });
    expect(r.statusCode).toBe(202);
    expect(r.headers).toEqual([['X-A', '1'], ['x-b', 'true'], ['set-cookie', 'c=1']]);
    expect(text(r.body)).toBe('已受理');
  });

  it('a structured result without a body has an empty one', () => {
    const r = fromApiGatewayResult({ statusCode: 204 });
    expect(r.body.length).toBe(0);
    expect(r.headers).toEqual([]);
  });

  it('infers 200 JSON for anything without a statusCode, as Lambda sends it (JSON)', () => {
    expect(text(fromApiGatewayResult({ body: 'x' }).body)).toBe('{"body":"x"}');
    expect(text(fromApiGatewayResult({ statusCode: undefined, ok: true }).body)).toBe('{"ok":true}');
    expect(text(fromApiGatewayResult('plain').body)).toBe('plain');
    expect(text(fromApiGatewayResult(42).body)).toBe('42');
    expect(text(fromApiGatewayResult(undefined).body)).toBe('null');
    expect(text(fromApiGatewayResult([1, 2]).body)).toBe('[1,2]');
    const r = fromApiGatewayResult({ at: new Date('2026-11-23T00:00:00Z') });
    expect(r.statusCode).toBe(200);
    expect(r.headers).toEqual([['content-type', 'application/json']]);
    expect(text(r.body)).toBe('{"at":"2026-11-23T00:00:00.000Z"}');
  });

  it('ignores multiValueHeaders (format 1.0 only) and says so', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const r = fromApiGatewayResult({ statusCode: 200, multiValueHeaders: { 'x-a': ['1', '2'] } });
    expect(r.headers).toEqual([]);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it.each([
    [{ statusCode: '200' }],
    [{ statusCode: 99 }],
    [{ statusCode: 200.5 }],
    [{ statusCode: null }],
    [{ statusCode: 200, body: { a: 1 } }],
    [{ statusCode: 200, headers: { a: ['1'] } }],
    [{ statusCode: 200, headers: 'a: 1' }],
    [{ statusCode: 200, cookies: 'a=1' }],
    [{ statusCode: 200, isBase64Encoded: 'yes' }],
  ])('rejects a malformed result %j (API Gateway answers 500)', (result) => {
    expect(() => fromApiGatewayResult(result)).toThrow(MalformedLambdaResponseError);
  });

  it('rejects a result Lambda could not serialize', () => {
    expect(() => fromApiGatewayResult({ statusCode: 200, count: 1n })).toThrow(MalformedLambdaResponseError);
  });
});

describe('isTextContentType', () => {
  it.each([
    ['application/json', true],
    ['Application/JSON; charset=utf-8', true],
    ['text/plain', true],
    ['text/csv', true],
    ['application/xml', true],
    ['application/javascript', true],
    ['application/x-www-form-urlencoded', false],
    ['multipart/form-data; boundary=x', false],
    ['application/octet-stream', false],
    ['image/png', false],
    ['application/problem+json', false],
    [undefined, false],
  ])('%s → %s', (contentType, expected) => {
    expect(isTextContentType(contentType)).toBe(expected);
  });
});

describe('matchRoute', () => {
  const routes = [
    { method: 'POST', path: '/cases' },
    { method: 'GET', path: '/cases/{caseId}' },
    { method: 'GET', path: '/cases/{caseId}/timeline' },
  ];

  it('matches method and template, decoding each segment', () => {
    expect(matchRoute(routes, 'GET', '/cases/%E9%BB%84%E5%9F%94%2F1')).toMatchObject({
      routeKey: 'GET /cases/{caseId}',
      pathParameters: { caseId: '黄埔/1' },
    });
    expect(matchRoute(routes, 'post', '/cases')?.routeKey).toBe('POST /cases');
  });

  it('does not match another method, an empty segment, a trailing slash or extra segments', () => {
    expect(matchRoute(routes, 'PUT', '/cases')).toBeUndefined();
    expect(matchRoute(routes, 'GET', '/cases/')).toBeUndefined();
    expect(matchRoute(routes, 'GET', '/cases//timeline')).toBeUndefined();
    expect(matchRoute(routes, 'GET', '/cases/1/timeline/x')).toBeUndefined();
    expect(matchRoute(routes, 'POST', '/cases/')).toBeUndefined();
  });
});

describe('formatRequestTime', () => {
  it('is API Gateway\'s format, in UTC', () => {
    expect(formatRequestTime(new Date('2020-03-12T19:03:58.123Z'))).toBe('12/Mar/2020:19:03:58 +0000');
  });
});
