// GET /dashboard: the supervisors' dashboard page (its data comes from the /sla API with the user's token).
import { dashboardResponse } from '../../shared/http/dashboard-response.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';

export const handler = httpHandler(async () => dashboardResponse('index.html'));
