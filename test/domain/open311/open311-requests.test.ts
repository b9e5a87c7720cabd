// POST and GET /requests arguments (GeoReport v2), starting from the spec's own example request.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePostedRequest } from '../../../shared/domain/open311/post-request.js';
import { parseSearchQuery } from '../../../shared/domain/open311/search-query.js';
import { open311Status, toServiceRequest } from '../../../shared/domain/open311/service-request.js';
import type { WorkedCase } from '../../../shared/domain/work/case-work.js';

const specBody = readFileSync(new URL('../../../events/open311/spec/post-request.txt', import.meta.url), 'utf8');
/** The spec's example with one of our service codes and our jurisdiction id. */
const ours = (changes: Record<string, string | null> = {}) => {
  const form = new URLSearchParams(specBody);
  form.set('service_code', 'transport.road-facilities');
  form.set('jurisdiction_id', 'hp.gov.cn');
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) form.delete(name);
    else form.set(name, value);
  }
  return form;
};

describe('POST /requests arguments', () => {
  it('reads the spec’s example request (with our service code) into an intake request', () => {
    const parsed = parsePostedRequest(ours());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.category.code).toBe('transport/road-facilities');
    expect(parsed.request).toEqual({
      channel: 'app',
      content: 'A large sinkhole is destroying the street',
      address: '1234 5th street',
      location: { lat: 37.7652408, lng: -122.4212043, system: 'wgs84' },
      caller: { name: 'smithjohn', phone: '111111111' },
      attachments: [{ url: 'http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg' }],
    });
  });

  it('answers the spec’s example as is with 404: service_code 001 and jurisdiction city.gov are not ours', () => {
    expect(parsePostedRequest(new URLSearchParams(specBody))).toMatchObject({ ok: false, status: 404, errors: [{ code: 404, description: expect.stringContaining('jurisdiction_id city.gov') }] });
    expect(parsePostedRequest(ours({ service_code: '001' }))).toMatchObject({ ok: false, status: 404, errors: [{ description: expect.stringContaining('service_code 001') }] });
  });

  it('needs a service code and a location, and refuses what it cannot use', () => {
    expect(parsePostedRequest(ours({ service_code: null }))).toMatchObject({ ok: false, status: 400 });
    expect(parsePostedRequest(ours({ lat: null, long: null, address_string: null }))).toMatchObject({ status: 400, errors: [{ description: expect.stringContaining('a location is required') }] });
    expect(parsePostedRequest(ours({ lat: null, long: null, address_string: null, address_id: '545483' }))).toMatchObject({ status: 400, errors: [{ description: expect.stringContaining('address_id is not supported') }] });
    expect(parsePostedRequest(ours({ long: null }))).toMatchObject({ status: 400, errors: [{ description: 'lat and long must be sent together' }] });
    expect(parsePostedRequest(ours({ lat: 'north' }))).toMatchObject({ status: 400 });
    expect(parsePostedRequest(ours({ lat: '123' }))).toMatchObject({ status: 400, errors: [{ description: expect.stringMatching(/^lat:/) }] });
    expect(parsePostedRequest(ours({ phone: 'call me' }))).toMatchObject({ status: 400, errors: [{ description: expect.stringMatching(/^phone:/) }] });
    expect(parsePostedRequest(ours({ media_url: 'javascript:alert(1)' }))).toMatchObject({ status: 400, errors: [{ description: expect.stringMatching(/^media_url:/) }] });
    expect(parsePostedRequest(ours({ description: 'x'.repeat(4001) }))).toMatchObject({ status: 400 });
  });

  it('treats an empty argument as a missing one, and a request without words by its service and place', () => {
    const parsed = parsePostedRequest(ours({ description: '', lat: '', long: '', first_name: '', last_name: '', phone: '', media_url: '', address_string: '黄埔区大沙街道丰乐北路12号' }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.request).toEqual({ channel: 'app', content: '交通运输/道路设施：黄埔区大沙街道丰乐北路12号', address: '黄埔区大沙街道丰乐北路12号' });
  });
});

describe('GET /requests filters', () => {
  const now = new Date('2026-11-23T02:00:00.000Z');

  it('defaults to the last 90 days, and service_request_id overrides everything', () => {
    expect(parseSearchQuery({}, now)).toEqual({ ok: true, query: { kind: 'range', start: '2026-08-25T02:00:00.000Z', end: '2026-11-23T02:00:00.000Z', serviceCodes: null, statuses: null } });
    expect(parseSearchQuery({ service_request_id: 'HP-20261123-000001, HP-20261123-000002,HP-20261123-000001', status: 'bogus' }, now)).toEqual({ ok: true, query: { kind: 'ids', ids: ['HP-20261123-000001', 'HP-20261123-000002'] } });
  });

  it('reads the spec’s sample query, and lists of codes and statuses', () => {
    const parsed = parseSearchQuery({ start_date: '2010-05-24T00:00:00Z', end_date: '2010-06-24T00:00:00Z', status: 'open', jurisdiction_id: 'city.gov' }, now);
    expect(parsed).toEqual({ ok: true, query: { kind: 'range', start: '2010-05-24T00:00:00.000Z', end: '2010-06-24T00:00:00.000Z', serviceCodes: null, statuses: ['open'] } });
    expect(parseSearchQuery({ service_code: 'urban-management.sanitation,environmental-protection.noise', status: 'open,closed', start_date: '2026-11-01T00:00:00+08:00' }, now)).toMatchObject({
      ok: true,
      query: { serviceCodes: ['urban-management.sanitation', 'environmental-protection.noise'], statuses: ['open', 'closed'], start: '2026-10-31T16:00:00.000Z', end: '2026-11-23T02:00:00.000Z' },
    });
  });

  it('refuses bad dates, a span over 90 days, unknown statuses and service codes', () => {
    for (const query of [
      { start_date: '2026-11-01' },
      { end_date: 'yesterday' },
      { start_date: '2026-01-01T00:00:00Z', end_date: '2026-06-01T00:00:00Z' },
      { start_date: '2026-06-01T00:00:00Z', end_date: '2026-01-01T00:00:00Z' },
      { status: 'pending' },
      { service_code: 'nope' },
      { service_request_id: Array.from({ length: 101 }, (_, i) => `HP-20261123-${String(i).padStart(6, '0')}`).join(',') },
    ]) {
      expect(parseSearchQuery(query, now), JSON.stringify(query)).toMatchObject({ ok: false, errors: [{ code: 400 }] });
    }
  });
});

describe('a case as a service request', () => {
  const record = {
    caseId: 'HP-20261123-000001',
    status: 'accepted',
    content: '路灯坏了，电话13800138000',
    address: '丰乐北路12号',
    location: { lat: 23.106, lng: 113.447 },
    caller: { name: '李小明', phone: '13800138000' },
    attachments: [{ url: 'https://example.org/a.jpg' }],
    classification: { category: { code: 'urban-management/street-lights', path: ['城市管理', '路灯照明'] } },
    owner: { code: '440112005001-01', name: '大沙东社区第一网格', level: 'grid' },
    deadlines: { acceptBy: '2026-11-23T06:30:00.000Z', respondBy: '2026-11-24T15:59:59.999Z', resolveBy: '2026-11-30T15:59:59.999Z' },
    createdAt: '2026-11-23T02:00:00.000Z',
    updatedAt: '2026-11-23T03:00:00.000Z',
  } as unknown as WorkedCase;
  const redact = (t: string) => t.replace(/1\d{10}/g, '[电话]');

  it('has every field of the spec, no caller data, and our resolve deadline as expected_datetime', () => {
    const request = toServiceRequest(record, redact);
    expect(Object.keys(request)).toEqual(['service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url']);
    expect(request).toMatchObject({ status: 'open', service_code: 'urban-management.street-lights', description: '路灯坏了，电话[电话]', agency_responsible: '大沙东社区第一网格', expected_datetime: '2026-11-30T15:59:59.999Z', media_url: 'https://example.org/a.jpg' });
    expect(JSON.stringify(request)).not.toMatch(/13800138000|李小明/);
    // a point without a datum is GCJ-02 (map apps): shifted to WGS84 by a few hundred metres in Guangzhou
    expect(Math.abs(request.lat! - 23.106)).toBeGreaterThan(0.001);
    expect(Math.abs(request.lat! - 23.106)).toBeLessThan(0.01);
    expect(Math.abs(request.long! - 113.447)).toBeGreaterThan(0.001);
    const gps = toServiceRequest({ ...record, location: { lat: 23.106, lng: 113.447, system: 'wgs84' } } as WorkedCase, redact);
    expect([gps.lat, gps.long]).toEqual([23.106, 113.447]);
  });

  it('is closed once resolved (with the answer), closed or merged', () => {
    expect(open311Status('resolved')).toBe('closed');
    expect(open311Status('returned')).toBe('open');
    const resolved = { ...record, status: 'resolved', resolution: { answer: '已更换灯泡', at: '2026-11-24T02:00:00.000Z', by: record.owner, round: 1 } } as WorkedCase;
    expect(toServiceRequest(resolved, redact)).toMatchObject({ status: 'closed', status_notes: '已办结待回访：已更换灯泡', service_notice: null });
    const merged = { ...record, status: 'merged', mergedInto: 'HP-20261122-000009' } as WorkedCase;
    expect(toServiceRequest(merged, redact).status_notes).toContain('HP-20261122-000009');
  });
});
