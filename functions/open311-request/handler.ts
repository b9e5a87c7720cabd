// GET /open311/v2/requests/{document}: one service request (e.g. HP-20261123-000001.json), for holders of an api_key.
import { listDocument } from '../../shared/domain/open311/documents.js';
import { documentResponse, open311Error, otherJurisdiction, resourceOf } from '../../shared/http/open311-http.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { apiKeyAccepted } from '../../shared/services/open311/api-keys.js';
import { open311Dependencies } from '../../shared/services/open311/open311-dependencies.js';
import { findRequest } from '../../shared/services/open311/search-requests.js';

export const handler = httpHandler(async (event) => {
  const resource = resourceOf(event, 'document');
  if (!resource.ok) return resource.response;
  const { name, format } = resource;
  const elsewhere = otherJurisdiction(event, format);
  if (elsewhere) return elsewhere;
  if (!apiKeyAccepted(event.queryStringParameters?.api_key)) return open311Error(403, format, [{ code: 403, description: 'a valid api_key is required to read service requests' }]);
  const request = await findRequest(open311Dependencies(), name);
  if (!request) return open311Error(404, format, [{ code: 404, description: `service_request_id ${name} was not found` }]);
  return documentResponse(200, listDocument(format, 'service_requests', 'request', [request]));
});
