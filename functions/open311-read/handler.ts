// GET /open311/v2/{document}: services.json|xml (the service list, public) and requests.json|xml (the
// service requests, for holders of an api_key), GeoReport v2.
import { listDocument } from '../../shared/domain/open311/documents.js';
import { parseSearchQuery } from '../../shared/domain/open311/search-query.js';
import { open311Services } from '../../shared/domain/open311/services.js';
import { documentResponse, open311Error, otherJurisdiction, resourceOf } from '../../shared/http/open311-http.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { apiKeyAccepted } from '../../shared/services/open311/api-keys.js';
import { open311Dependencies } from '../../shared/services/open311/open311-dependencies.js';
import { searchRequests } from '../../shared/services/open311/search-requests.js';

export const handler = httpHandler(async (event) => {
  const resource = resourceOf(event, 'document');
  if (!resource.ok) return resource.response;
  const { name, format } = resource;
  const elsewhere = otherJurisdiction(event, format);
  if (elsewhere) return elsewhere;
  if (name === 'services') return documentResponse(200, listDocument(format, 'services', 'service', open311Services()));
  if (name !== 'requests') return open311Error(404, format, [{ code: 404, description: `no resource ${name}` }]);
  const query = event.queryStringParameters ?? {};
  if (!apiKeyAccepted(query.api_key)) return open311Error(403, format, [{ code: 403, description: 'a valid api_key is required to read service requests' }]);
  const deps = open311Dependencies();
  const parsed = parseSearchQuery(query, deps.now());
  if (!parsed.ok) return open311Error(400, format, parsed.errors);
  const result = await searchRequests(deps, parsed.query);
  return documentResponse(200, listDocument(format, 'service_requests', 'request', result.requests), result.truncated ? { 'x-open311-truncated': 'true' } : {});
});
