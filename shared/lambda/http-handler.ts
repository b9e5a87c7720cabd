// Wraps an API handler: Lambda context in every log line, and any unexpected error becomes a 500 in the
// API's error format (logged by name and message, never with the request body).
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { errorResponse } from '../http/responses.js';
import { logger } from './logger.js';

export type HttpHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export function httpHandler(handle: (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>): HttpHandler {
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .onError(async (request) => {
      const error = request.error as Error | undefined;
      logger.error('request failed', { route: request.event.routeKey, error: { name: error?.name, message: error?.message, stack: error?.stack } });
      request.response = errorResponse(500, 'internal_error', 'the request could not be completed; it is safe to retry with the same Idempotency-Key');
    })
    .handler(handle) as unknown as HttpHandler;
}
