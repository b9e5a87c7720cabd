// POST /open311/v2/{document} (requests.json|xml): create a service request (GeoReport v2), form-encoded,
// with an api_key. The caller's tracking token comes back in the X-Tracking-Token header.
import { listDocument } from '../../shared/domain/open311/documents.js';
import { header } from '../../shared/http/read-json-body.js';
import { documentResponse, open311Error, readForm, resourceOf } from '../../shared/http/open311-http.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { logger } from '../../shared/lambda/logger.js';
import { postServiceRequest } from '../../shared/services/open311/post-request.js';
import { open311Dependencies } from '../../shared/services/open311/open311-dependencies.js';
import '../../shared/services/classifier-wiring.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,128}$/;

export const handler = httpHandler(async (event) => {
  const resource = resourceOf(event, 'document');
  if (!resource.ok) return resource.response;
  const { name, format } = resource;
  if (name !== 'requests') return open311Error(404, format, [{ code: 404, description: `no resource ${name} to post to` }]);
  const form = readForm(event, format);
  if (!form.ok) return form.response;
  const key = header(event, 'idempotency-key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) return open311Error(400, format, [{ code: 400, description: 'Idempotency-Key must be 1–128 characters of letters, digits and . _ : -' }]);
  const outcome = await postServiceRequest(open311Dependencies(), form.form, key);
  if (!outcome.ok) return open311Error(outcome.status, format, outcome.errors);
  logger.info('open311 request taken in', { caseId: outcome.caseId, replayed: outcome.replayed });
  const body = listDocument(format, 'service_requests', 'request', [{ service_request_id: outcome.caseId, service_notice: outcome.serviceNotice, account_id: null }]);
  return documentResponse(201, body, { 'x-tracking-token': outcome.trackingToken, location: `/open311/v2/requests/${outcome.caseId}.${format}` });
});
