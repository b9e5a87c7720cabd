// The classifier and the router are handed to wiring.ts by the handlers that use them, so that only those
// bundles carry the model and the jurisdiction file. The local runtime loads every handler into one process
// and would hide a handler that forgot: this checks each handler's own imports instead.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import data from '../../shared/data/huangpu-jurisdiction.json' with { type: 'json' };
import { HUANGPU_DISTRICT } from '../../shared/domain/jurisdiction/huangpu-district.js';
import { FUNCTIONS } from '../../infra/topology.js';

const source = (id: string) => readFileSync(new URL(`../../functions/${id}/handler.ts`, import.meta.url), 'utf8');

const ROUTES = /services\/(dispatch-from-(district|street)|triage\/)/;
const CLASSIFIES = /services\/(intake-case|open311\/post-request)\.js/;

describe('handlers that route or classify bring their engine', () => {
  for (const { id } of FUNCTIONS) {
    it(id, () => {
      const text = source(id);
      expect(text.includes('routing-wiring.js'), `${id}: routes ⇔ imports routing-wiring`).toBe(ROUTES.test(text));
      expect(text.includes('classifier-wiring.js'), `${id}: classifies ⇔ imports classifier-wiring`).toBe(CLASSIFIES.test(text));
    });
  }

  it('names the district as the jurisdiction file does', () => {
    expect(HUANGPU_DISTRICT).toEqual({ code: data.district.code, name: data.district.name });
  });
});
