// POST /cases accepts the coordinate system with a location; old bodies without it stay valid.
import { describe, expect, it } from 'vitest';
import { intakeRequestSchema } from '../../../shared/domain/intake-request.js';

const body = (location: unknown) => ({ channel: 'app', content: '路灯坏了好几天', location });

describe('the intake location', () => {
  it('takes gcj02 or wgs84, and no system at all (read as GCJ-02 by the router)', () => {
    expect(intakeRequestSchema.parse(body({ lat: 23.1, lng: 113.4, system: 'wgs84' })).location).toEqual({ lat: 23.1, lng: 113.4, system: 'wgs84' });
    expect(intakeRequestSchema.parse(body({ lat: 23.1, lng: 113.4, system: 'gcj02' })).location?.system).toBe('gcj02');
    expect(intakeRequestSchema.parse(body({ lat: 23.1, lng: 113.4 })).location).toEqual({ lat: 23.1, lng: 113.4 });
  });

  it('names the field of an unknown system', () => {
    const result = intakeRequestSchema.safeParse(body({ lat: 23.1, lng: 113.4, system: 'bd09' }));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['location', 'system'], message: 'gcj02 or wgs84' });
  });
});
