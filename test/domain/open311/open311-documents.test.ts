// The GeoReport v2 documents against the spec's own examples (events/open311/spec/), and our categories as
// services.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../shared/domain/classification/categories.js';
import { errorDocument, listDocument, singleDocument, splitFormat } from '../../../shared/domain/open311/documents.js';
import { categoryOfServiceCode, open311Services, serviceCodeOf, serviceDefinition } from '../../../shared/domain/open311/services.js';
import { escapeXml, list } from '../../../shared/domain/open311/xml.js';

const spec = (name: string) => readFileSync(new URL(`../../../events/open311/spec/${name}`, import.meta.url), 'utf8');

/** Whitespace between elements does not matter in these documents, nor <a></a> versus <a/>. */
const normalise = (xml: string) => xml.trim().replace(/>\s+</g, '><').replace(/<([A-Za-z_][\w.-]*)><\/\1>/g, '<$1/>');

describe('XML and JSON documents, checked with the spec’s examples', () => {
  it('writes the spec’s service list', () => {
    const services = [
      { service_code: '001', service_name: 'Cans left out 24x7', description: 'Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.', metadata: true, type: 'realtime', keywords: 'lorem, ipsum, dolor', group: 'sanitation' },
      { service_code: '002', metadata: true, type: 'realtime', keywords: 'lorem, ipsum, dolor', group: 'street', service_name: 'Construction plate shifted', description: 'Metal construction plate covering the street or sidewalk has been moved.' },
      { service_code: '003', metadata: true, type: 'realtime', keywords: 'lorem, ipsum, dolor', group: 'street', service_name: 'Curb or curb ramp defect', description: 'Sidewalk curb or ramp has problems such as cracking, missing pieces, holes, and/or chipped curb.' },
    ];
    expect(normalise(listDocument('xml', 'services', 'service', services).body)).toBe(normalise(spec('services.xml')));
    const json = JSON.parse(listDocument('json', 'services', 'service', services).body);
    expect(json).toHaveLength(3);
    expect(json[0]).toEqual(services[0]);
  });

  it('writes the spec’s service requests, empty fields included', () => {
    const common = { service_name: 'Sidewalk and Curb Issues', service_code: '006', description: null, agency_responsible: null, service_notice: null };
    const place = { address: '8TH AVE and JUDAH ST', address_id: '545483', zipcode: '94122', lat: 37.762221815, long: -122.4651145 };
    const requests = [
      { service_request_id: '638344', status: 'closed', status_notes: 'Duplicate request.', ...common, requested_datetime: '2010-04-14T06:37:38-08:00', updated_datetime: '2010-04-14T06:37:38-08:00', expected_datetime: '2010-04-15T06:37:38-08:00', ...place, media_url: 'http://city.gov.s3.amazonaws.com/requests/media/638344.jpg ' },
      { service_request_id: '638349', status: 'open', status_notes: null, ...common, requested_datetime: '2010-04-19T06:37:38-08:00', updated_datetime: '2010-04-19T06:37:38-08:00', expected_datetime: '2010-04-19T06:37:38-08:00', ...place, media_url: 'http://city.gov.s3.amazonaws.com/requests/media/638349.jpg ' },
    ];
    expect(normalise(listDocument('xml', 'service_requests', 'request', requests).body)).toBe(normalise(spec('requests.xml')));
    // JSON: nulls stay null, as in the spec's JSON example
    expect(JSON.parse(listDocument('json', 'service_requests', 'request', requests).body)[1]).toMatchObject({ status_notes: null, description: null, lat: 37.762221815 });
  });

  it('writes the spec’s POST response and error documents', () => {
    const created = [{ service_request_id: '293944', service_notice: 'The City will inspect and require the responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code', account_id: null }];
    expect(normalise(listDocument('xml', 'service_requests', 'request', created).body)).toBe(normalise(spec('post-response.xml')));
    const errors = [{ code: 403, description: "Invalid api_key received -- can't proceed with create_request." }];
    // the apostrophe is escaped in ours; the spec leaves it bare, which XML allows in text
    expect(normalise(errorDocument('xml', errors).body).replace('&apos;', "'")).toBe(normalise(spec('error.xml')));
    expect(JSON.parse(errorDocument('json', errors).body)).toEqual(JSON.parse(spec('error.json')));
  });

  it('writes the spec’s service definition with nested lists', () => {
    const definition = {
      service_code: 'DMV66',
      attributes: list('attribute', [
        { variable: true, code: 'WHISHETN', datatype: 'singlevaluelist', required: true, datatype_description: null, order: 1, description: 'What is the ticket/tag/DL number?', values: list('value', [{ key: '123', name: 'Ford' }, { key: '124', name: 'Chrysler' }]) },
      ]),
    };
    expect(normalise(singleDocument('xml', 'service_definition', definition).body)).toBe(normalise(spec('service-definition.xml')));
    expect(JSON.parse(singleDocument('json', 'service_definition', definition).body)).toEqual({
      service_code: 'DMV66',
      attributes: [{ variable: true, code: 'WHISHETN', datatype: 'singlevaluelist', required: true, datatype_description: null, order: 1, description: 'What is the ticket/tag/DL number?', values: [{ key: '123', name: 'Ford' }, { key: '124', name: 'Chrysler' }] }],
    });
  });

  it('escapes markup and drops characters XML cannot carry, keeping Chinese and astral characters', () => {
    expect(escapeXml('a<b>&"c\'')).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    expect(escapeXml('垃圾\u0001清运\u0008 𠀋')).toBe('垃圾清运 𠀋');
    expect(escapeXml('lone \ud800 surrogate')).toBe('lone  surrogate');
    const doc = listDocument('xml', 'errors', 'error', [{ code: 400, description: '</description><code>999</code>' }]).body;
    expect(doc).toContain('&lt;/description&gt;&lt;code&gt;999&lt;/code&gt;');
    expect(doc.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  });

  it('takes the format from the resource’s extension', () => {
    expect(splitFormat('services.json')).toEqual({ name: 'services', format: 'json' });
    expect(splitFormat('urban-management.sanitation.xml')).toEqual({ name: 'urban-management.sanitation', format: 'xml' });
    expect(splitFormat('services.html')).toBeNull();
    expect(splitFormat('.json')).toBeNull();
  });
});

describe('our categories as services', () => {
  it('has one realtime service per category (the fallback excepted), each code round-tripping to its category', () => {
    const services = open311Services();
    expect(services).toHaveLength(CATEGORIES.length - 1);
    for (const service of services) {
      expect(service.service_code).toMatch(/^[a-z0-9.-]+$/);
      expect(serviceCodeOf(categoryOfServiceCode(service.service_code)!.code)).toBe(service.service_code);
      expect(service).toMatchObject({ metadata: false, type: 'realtime' });
    }
    expect(services.find((s) => s.service_code === 'urban-management.sanitation')).toEqual({
      service_code: 'urban-management.sanitation',
      service_name: '城市管理/市容环境卫生',
      description: '城市管理：市容环境卫生（主办部门：区城市管理和综合执法局）',
      metadata: false,
      type: 'realtime',
      keywords: '城市管理, 市容环境卫生, 城管',
      group: '城市管理',
    });
    expect(categoryOfServiceCode('no.such')).toBeUndefined();
    expect(serviceDefinition(categoryOfServiceCode('urban-management.sanitation')!)).toEqual({ service_code: 'urban-management.sanitation', attributes: [] });
  });
});
