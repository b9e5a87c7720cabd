// Answers a dashboard file: from disk under `npm start`; on AWS a redirect to the CloudFront copy
// (DASHBOARD_URL, set by the CDK stack), since the Lambda bundle carries no web files.
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DASHBOARD_CSP, DASHBOARD_FILES, readDashboardFile, type DashboardFile } from '../services/dashboard-assets.js';
import { errorResponse } from './responses.js';

export const DASHBOARD_URL_ENV = 'DASHBOARD_URL';

export function dashboardResponse(file: DashboardFile): APIGatewayProxyStructuredResultV2 {
  const elsewhere = process.env[DASHBOARD_URL_ENV];
  if (elsewhere) {
    const target = file === 'index.html' ? elsewhere : `${elsewhere.replace(/\/$/, '')}/dashboard/${file}`;
    return { statusCode: 302, headers: { location: target, 'cache-control': 'no-store' } };
  }
  const body = readDashboardFile(file);
  if (body === undefined) return errorResponse(404, 'dashboard_not_deployed', 'the dashboard files are not part of this deployment');
  return {
    statusCode: 200,
    headers: {
      'content-type': DASHBOARD_FILES[file].type,
      'cache-control': DASHBOARD_FILES[file].cache,
      'content-security-policy': DASHBOARD_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    },
    body,
  };
}
