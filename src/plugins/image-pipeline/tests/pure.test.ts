import { defaultConfig, validateConfig, type PluginConfig } from '../server/src/config';
import { planDerivatives } from '../server/src/utils/derivatives';
import { cropHash, freshHash } from '../server/src/utils/file-names';
import { focalCrop } from '../server/src/utils/focal';
import { sniff } from '../server/src/utils/sniff';
import { hexColour, kilobytes } from '../server/src/utils/upload-file';

const bytes = (...b: number[]) => Buffer.concat([Buffer.from(b), Buffer.alloc(32)]);

describe('sniff', () => {
  it.each([
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg', 'image'],
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'image/png', 'image'],
    ['GIF', Buffer.from('GIF89a......'), 'image/gif', 'image'],
    ['WebP', Buffer.from('RIFF\0\0\0\0WEBPVP8 '), 'image/webp', 'image'],
    ['AVIF', Buffer.from('\0\0\0\x1cftypavif\0\0\0\0'), 'image/avif', 'image'],
    ['PDF', Buffer.from('%PDF-1.7\n'), 'application/pdf', 'document'],
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml', 'svg'],
    ['SVG after an XML prolog and BOM', Buffer.from('\uFEFF  <?xml version="1.0"?>\n<svg></svg>'), 'image/svg+xml', 'svg'],
    ['HTML', Buffer.from('<!DOCTYPE html><html></html>'), 'text/html', 'html'],
    ['a script tag', Buffer.from('  <script>alert(1)</script>'), 'text/html', 'html'],
    ['text', Buffer.from('chỉ là chữ'), 'application/octet-stream', 'unknown'],
    ['empty', Buffer.alloc(0), 'application/octet-stream', 'unknown'],
  ])('%s', (_name, head, mime, kind) => {
    expect(sniff(head)).toMatchObject({ mime, kind });
  });
});

describe('focalCrop', () => {
  it.each([
    ['wide image, centred', { width: 2000, height: 1000 }, { x: 0.5, y: 0.5 }, { left: 48, top: 0, width: 1905, height: 1000 }],
    ['wide image, focal at the right edge', { width: 2000, height: 1000 }, { x: 1, y: 0.5 }, { left: 95, top: 0, width: 1905, height: 1000 }],
    ['tall image, focal low (percent)', { width: 1200, height: 2400 }, { x: 50, y: 90 }, { left: 0, top: 1770, width: 1200, height: 630 }],
    ['tall image, focal high', { width: 1200, height: 2400 }, { x: 0.5, y: 0.1 }, { left: 0, top: 0, width: 1200, height: 630 }],
    ['out-of-range focal is clamped', { width: 1200, height: 2400 }, { x: -3, y: 400 }, { left: 0, top: 1770, width: 1200, height: 630 }],
  ])('%s', (_name, image, focal, expected) => {
    const box = focalCrop(image, { width: 1200, height: 630 }, focal);
    expect(box).toEqual(expected);
    expect(box.left + box.width).toBeLessThanOrEqual(image.width);
    expect(box.top + box.height).toBeLessThanOrEqual(image.height);
  });
});

describe('planDerivatives', () => {
  const opts = {
    breakpoints: { large: 1000, medium: 750, small: 500 },
    thumbnail: { width: 245, height: 156 },
    social: { width: 1200, height: 630 },
    formats: ['webp', 'avif'] as ('webp' | 'avif')[],
    includeOriginalFormat: true,
  };

  it('makes every smaller size in three formats, and the social card: original format first, AVIF last', () => {
    const keys = planDerivatives({ width: 1200, height: 1600 }, opts).map((d) => d.key);
    expect(keys).toEqual([
      'thumbnail', 'large', 'medium', 'small', 'social',
      'thumbnail_webp', 'large_webp', 'medium_webp', 'small_webp', 'social_webp',
      'thumbnail_avif', 'large_avif', 'medium_avif', 'small_avif', 'social_avif',
    ]);
  });

  const crops = { wide: { width: 1200, height: 675 }, standard: { width: 1200, height: 900 }, square: { width: 1200, height: 1200 } };

  it('adds the aspect crops in the original format only', () => {
    const plan = planDerivatives({ width: 2560, height: 1920 }, { ...opts, crops });
    expect(plan.filter((d) => d.format === null).map((d) => d.key)).toEqual(['thumbnail', 'large', 'medium', 'small', 'social', 'wide', 'standard', 'square']);
    expect(plan.filter((d) => d.format !== null).map((d) => d.key)).not.toEqual(expect.arrayContaining(['wide_webp']));
    expect(plan.find((d) => d.key === 'square')?.resize).toEqual({ width: 1200, height: 1200, fit: 'cover' });
  });

  it.each([
    ['too narrow for any crop', { width: 1199, height: 2000 }, []],
    ['1200 px square holds all three', { width: 1200, height: 1200 }, ['wide', 'standard', 'square']],
    ['a wide panorama holds only the 16:9 one', { width: 2400, height: 700 }, ['wide']],
    ['a 4:3 landscape of 1600×1200 holds all three', { width: 1600, height: 1200 }, ['wide', 'standard', 'square']],
    ['1600×1000 is too short for the square', { width: 1600, height: 1000 }, ['wide', 'standard']],
  ])('skips a crop it would have to enlarge: %s', (_name, image, expected) => {
    const keys = planDerivatives(image, { ...opts, crops }).map((d) => d.key);
    expect(keys.filter((k) => k in crops)).toEqual(expected);
  });

  it('never enlarges: a small image gets only what fits, and no extra formats when none are set', () => {
    const keys = planDerivatives({ width: 600, height: 400 }, { ...opts, formats: [], social: null }).map((d) => d.key);
    expect(keys).toEqual(['thumbnail', 'small']);
  });
});

describe('validateConfig', () => {
  const withConfig = (patch: Partial<PluginConfig>) => ({ ...defaultConfig, ...patch });
  it('accepts the defaults', () => expect(() => validateConfig(defaultConfig)).not.toThrow());
  it.each<[string, Partial<PluginConfig>, RegExp]>([
    ['SVG allowed', { allowedTypes: ['image/svg+xml'] }, /SVG/],
    ['an unknown format', { formats: ['jxl' as never] }, /formats/],
    ['a tiny max edge', { maxEdge: 10 }, /maxEdge/],
    ['a bad social size', { social: { width: 0, height: 630 } }, /social.width/],
    ['a bad crop size', { crops: { wide: { width: 1200, height: 50 } } }, /wide.height/],
    ['a crop named like the thumbnail', { crops: { thumbnail: { width: 1200, height: 900 } } }, /thumbnail/],
    ['no upload concurrency', { concurrency: 0 }, /concurrency/],
  ])('refuses %s', (_name, patch, message) => expect(() => validateConfig(withConfig(patch))).toThrow(message));
});

describe('small helpers', () => {
  it('formats sizes and colours as Strapi and CSS expect', () => {
    expect(kilobytes(123456)).toBe(123.46);
    expect(hexColour({ r: 255, g: 8.4, b: 0 })).toBe('#ff0800');
  });
});

describe('file names: new content, new URL', () => {
  it.each([
    ['anh_hoi_nghi_3f2a9c01bd', 'anh_hoi_nghi_0123456789'],
    ['anh_hoi_nghi_0123456789', 'anh_hoi_nghi_0123456789'],
    ['ten_khong_co_duoi', 'ten_khong_co_duoi_0123456789'],
    ['a_b_12', 'a_b_12_0123456789'],
  ])('freshHash(%s) → %s', (hash, expected) => {
    expect(freshHash(hash, '0123456789')).toBe(expected);
  });

  it('freshHash is random by default', () => {
    expect(freshHash('anh_3f2a9c01bd')).not.toBe(freshHash('anh_3f2a9c01bd'));
  });

  it.each([
    ['social', 'anh_abc123', null, 'social_anh_abc123'],
    ['social', 'anh_abc123', { x: 0.5, y: 0.95 }, 'social_500-950_anh_abc123'],
    ['square', 'anh_abc123', { x: 0.1234, y: 0 }, 'square_123-0_anh_abc123'],
    ['square', 'anh_abc123', { x: '0.5', y: 1 }, 'square_anh_abc123'],
  ])('cropHash(%s, %s, %j) → %s', (key, hash, focal, expected) => {
    expect(cropHash(key, hash, focal)).toBe(expected);
  });
});
