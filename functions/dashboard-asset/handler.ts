// GET /dashboard/{file}: the dashboard's script, style sheet and ECharts.
import { dashboardResponse } from '../../shared/http/dashboard-response.js';
import { errorResponse } from '../../shared/http/responses.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { isDashboardFile } from '../../shared/services/dashboard-assets.js';

export const handler = httpHandler(async (event) => {
  const file = event.pathParameters?.file ?? '';
  if (!isDashboardFile(file)) return errorResponse(404, 'not_found', `no dashboard file "${file}"`);
  return dashboardResponse(file);
});
