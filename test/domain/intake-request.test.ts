import { describe, expect, it } from 'vitest';
import { describeProblems, intakeRequestSchema } from '../../shared/domain/intake-request.js';

const valid = { channel: 'phone', content: '黄埔区大沙街道丰乐北路 小区门口垃圾三天没人清运' };

function problems(body: unknown) {
  const result = intakeRequestSchema.safeParse(body);
  if (result.success) throw new Error('expected a validation failure');
  return describeProblems(result.error);
}

describe('intake request schema', () => {
  it('accepts a minimal request and a full one', () => {
    expect(intakeRequestSchema.safeParse(valid).success).toBe(true);
    const full = {
      ...valid,
      caller: { name: '李先生', phone: '138 0013 8000', enterpriseName: '广州某科技有限公司' },
      address: '黄埔区大沙街道丰乐北路',
      location: { lat: 23.106, lng: 113.447 },
      attachments: [{ url: 'https://example.org/photo.jpg', name: '现场照片', contentType: 'image/jpeg' }],
    };
    expect(intakeRequestSchema.parse(full)).toEqual(full);
  });

  it('names the missing field', () => {
    expect(problems({ channel: 'phone' })).toEqual([expect.objectContaining({ field: 'content' })]);
  });

  it('names a nested bad field', () => {
    expect(problems({ ...valid, caller: { phone: 'call me' } })).toEqual([expect.objectContaining({ field: 'caller.phone' })]);
    expect(problems({ ...valid, location: { lat: 123, lng: 113 } })).toEqual([expect.objectContaining({ field: 'location.lat' })]);
  });

  it('rejects unknown channels and unknown fields', () => {
    expect(problems({ ...valid, channel: 'fax' })[0]?.field).toBe('channel');
    const unknown = problems({ ...valid, priority: 'high' });
    expect(unknown[0]).toMatchObject({ field: 'priority', message: expect.stringContaining('priority') });
  });

  it('rejects control characters, overlong text and too many attachments', () => {
    expect(problems({ ...valid, content: '垃圾\u0000没人管' })[0]).toMatchObject({ field: 'content', message: expect.stringContaining('control') });
    expect(problems({ ...valid, content: '垃'.repeat(5001) })[0]?.field).toBe('content');
    const attachments = Array.from({ length: 11 }, (_, i) => ({ url: `https://example.org/${i}.jpg` }));
    expect(problems({ ...valid, attachments })[0]?.field).toBe('attachments');
  });

  it('keeps coordinates to 7 decimals, so no number is too fine to store', () => {
    const parsed = intakeRequestSchema.parse({ ...valid, location: { lat: 1e-200, lng: 113.45123456789 } });
    expect(parsed.location).toEqual({ lat: 0, lng: 113.4512346 });
  });

  it('accepts emoji, newlines and mixed scripts in the text', () => {
    expect(intakeRequestSchema.safeParse({ ...valid, content: '路灯坏了😡\n第二行 Road lamp 壞了' }).success).toBe(true);
  });

  it('rejects a blank description and non-http attachment urls', () => {
    expect(problems({ ...valid, content: '   ' })[0]?.field).toBe('content');
    expect(problems({ ...valid, attachments: [{ url: 'javascript:alert(1)' }] })[0]?.field).toBe('attachments.0.url');
  });
});
