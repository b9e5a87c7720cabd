// JSON responses in the API's one error format: { error: { code, message, details } }.
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function jsonResponse(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

export interface ErrorDetail {
  field: string;
  message: string;
}

export function errorResponse(statusCode: number, code: string, message: string, details: ErrorDetail[] = []): APIGatewayProxyStructuredResultV2 {
  return jsonResponse(statusCode, { error: { code, message, details } });
}
