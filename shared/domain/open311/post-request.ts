// POST /requests (GeoReport v2): the form fields of a new service request checked and turned into an intake
// request for the category the client chose. The spec's errors: 400 for a missing or bad argument, 404 for
// an unknown service_code or jurisdiction_id (the api_key, 403, is checked before this).
//
// Fields read: service_code, jurisdiction_id (optional: "hp.gov.cn" or "440112"), lat + long | address_string
// (address_id is refused: there is no master address repository to resolve it), description, first_name,
// last_name, phone, media_url. Accepted and ignored: email, device_id, account_id, attribute[…] (no service
// has attributes). Unknown fields are ignored, as the spec's optional-argument rule implies.
import * as z from 'zod';
import type { CategoryDef } from '../classification/categories.js';
import { intakeRequestSchema, type IntakeRequest } from '../intake-request.js';
import { categoryOfServiceCode, serviceNameOf } from './services.js';

export const JURISDICTION_IDS: readonly string[] = ['hp.gov.cn', '440112'];
/** The spec limits a description to 4,000 characters. */
export const MAX_DESCRIPTION = 4000;

export interface Open311Error {
  code: number;
  description: string;
}

export type PostedRequest = { ok: true; request: IntakeRequest; category: CategoryDef } | { ok: false; status: 400 | 404; errors: Open311Error[] };

const bad = (description: string): PostedRequest => ({ ok: false, status: 400, errors: [{ code: 400, description }] });
const notFound = (description: string): PostedRequest => ({ ok: false, status: 404, errors: [{ code: 404, description }] });

/** Our intake field → the Open311 argument a client sent it as. */
const FIELD_NAMES: Record<string, string> = {
  content: 'description',
  address: 'address_string',
  'location.lat': 'lat',
  'location.lng': 'long',
  'caller.phone': 'phone',
  'caller.name': 'first_name/last_name',
};

const number = z.string().trim().regex(/^[+-]?(\d+(\.\d*)?|\.\d+)$/).transform(Number);

/** The form's value of a field: absent and empty are the same ("Optional Arguments"). */
function field(form: URLSearchParams, name: string): string | undefined {
  const value = form.get(name);
  return value === null || value.trim() === '' ? undefined : value;
}

export function parsePostedRequest(form: URLSearchParams): PostedRequest {
  const jurisdiction = field(form, 'jurisdiction_id');
  if (jurisdiction !== undefined && !JURISDICTION_IDS.includes(jurisdiction)) return notFound(`jurisdiction_id ${jurisdiction} was not found: this endpoint serves ${JURISDICTION_IDS[0]}`);
  const serviceCode = field(form, 'service_code');
  if (serviceCode === undefined) return bad('service_code was not provided');
  const category = categoryOfServiceCode(serviceCode);
  if (!category) return notFound(`service_code ${serviceCode} was not found (GET services.json lists them)`);

  const latText = field(form, 'lat');
  const longText = field(form, 'long');
  const address = field(form, 'address_string');
  if ((latText === undefined) !== (longText === undefined)) return bad('lat and long must be sent together');
  let location: { lat: number; lng: number; system: 'wgs84' } | undefined;
  if (latText !== undefined && longText !== undefined) {
    const lat = number.safeParse(latText);
    const lng = number.safeParse(longText);
    if (!lat.success || !lng.success) return bad('lat and long must be decimal degrees (WGS84)');
    // GeoReport v2 coordinates are WGS84 (GPS), not the GCJ-02 of Chinese map apps
    location = { lat: lat.data, lng: lng.data, system: 'wgs84' as const };
  }
  if (!location && address === undefined) {
    return bad(field(form, 'address_id') !== undefined ? 'address_id is not supported by this endpoint: send lat and long, or address_string' : 'a location is required: lat and long, or address_string');
  }

  const description = field(form, 'description');
  if (description !== undefined && description.length > MAX_DESCRIPTION) return bad(`description is limited to ${MAX_DESCRIPTION} characters`);
  const name = [field(form, 'last_name'), field(form, 'first_name')].filter(Boolean).join('');
  const phone = field(form, 'phone');
  const media = field(form, 'media_url');

  const candidate = {
    channel: 'app',
    // a request with a place but no words is still a request: the service name says what it is about
    content: description ?? `${serviceNameOf(category)}${address ? `：${address}` : ''}`,
    ...(address !== undefined ? { address } : {}),
    ...(location ? { location } : {}),
    ...(name || phone ? { caller: { ...(name ? { name } : {}), ...(phone ? { phone: phone.trim() } : {}) } } : {}),
    ...(media !== undefined ? { attachments: [{ url: media.trim() }] } : {}),
  };
  const parsed = intakeRequestSchema.safeParse(candidate);
  if (!parsed.success) {
    return {
      ok: false,
      status: 400,
      errors: parsed.error.issues.map((issue) => {
        const path = issue.path.map(String).join('.');
        const fieldName = path.startsWith('attachments') ? 'media_url' : (FIELD_NAMES[path] ?? path);
        return { code: 400, description: `${fieldName}: ${issue.message}` };
      }),
    };
  }
  return { ok: true, request: parsed.data, category };
}
