// GET /open311/v2/services/{document}: one service's definition (e.g. urban-management.sanitation.json).
import { singleDocument } from '../../shared/domain/open311/documents.js';
import { categoryOfServiceCode, serviceDefinition } from '../../shared/domain/open311/services.js';
import { list } from '../../shared/domain/open311/xml.js';
import { documentResponse, open311Error, otherJurisdiction, resourceOf } from '../../shared/http/open311-http.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';

export const handler = httpHandler(async (event) => {
  const resource = resourceOf(event, 'document');
  if (!resource.ok) return resource.response;
  const elsewhere = otherJurisdiction(event, resource.format);
  if (elsewhere) return elsewhere;
  const category = categoryOfServiceCode(resource.name);
  if (!category) return open311Error(404, resource.format, [{ code: 404, description: `service_code ${resource.name} was not found` }]);
  const definition = serviceDefinition(category);
  return documentResponse(200, singleDocument(resource.format, 'service_definition', { service_code: definition.service_code, attributes: list('attribute', []) }));
});
