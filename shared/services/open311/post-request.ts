// POST /requests: a partner system files a request for one of our services. The api_key is checked first
// (403), then the arguments (400/404), then the case is taken in by the same intake as POST /cases (channel
// app), with the category the client chose.
import { formatBeijingTime } from '../../domain/beijing-time.js';
import { withChosenCategory } from '../../domain/open311/chosen-category.js';
import { parsePostedRequest, type Open311Error } from '../../domain/open311/post-request.js';
import { intakeCase } from '../intake-case.js';
import type { Dependencies } from '../dependencies.js';
import { apiKeyAccepted } from './api-keys.js';

export type PostOutcome =
  | { ok: true; caseId: string; trackingToken: string; serviceNotice: string; replayed: boolean }
  | { ok: false; status: 400 | 403 | 404 | 422; errors: Open311Error[] };

export async function postServiceRequest(deps: Dependencies, form: URLSearchParams, idempotencyKey?: string): Promise<PostOutcome> {
  if (!apiKeyAccepted(form.get('api_key') ?? undefined)) {
    return { ok: false, status: 403, errors: [{ code: 403, description: "Invalid api_key received -- can't proceed with create_request." }] };
  }
  const parsed = parsePostedRequest(form);
  if (!parsed.ok) return parsed;
  const outcome = await intakeCase({ ...deps, classifier: withChosenCategory(deps.classifier, parsed.category) }, parsed.request, idempotencyKey);
  if (outcome.kind === 'key_reused') {
    return { ok: false, status: 422, errors: [{ code: 422, description: `this Idempotency-Key was already used for a different request (${outcome.caseId})` }] };
  }
  const record = await deps.cases.get(outcome.caseId);
  const notice = record ? `已受理，按时限标准应于 ${formatBeijingTime(record.deadlines.resolveBy)}（北京时间）前办结` : '已受理';
  return { ok: true, caseId: outcome.caseId, trackingToken: outcome.trackingToken, serviceNotice: notice, replayed: outcome.kind === 'replayed' };
}
