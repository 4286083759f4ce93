import { absoluteMediaUrl, makeMediaAbsolute, mediaBase } from '../../src/media/absolute-media';

describe('absoluteMediaUrl', () => {
  it.each([
    ['https://cms.example.vn', '/uploads/a.jpg', 'https://cms.example.vn/uploads/a.jpg'],
    ['https://cdn.example.vn/cms/', '/uploads/a.jpg', 'https://cdn.example.vn/cms/uploads/a.jpg'],
    ['https://cms.example.vn', 'https://bucket.s3.example.net/a.jpg', 'https://bucket.s3.example.net/a.jpg'],
    ['https://cms.example.vn', '//other.example/a.jpg', '//other.example/a.jpg'],
    ['https://cms.example.vn', 'data:image/webp;base64,AAAA', 'data:image/webp;base64,AAAA'],
  ])('%s + %s → %s', (base, url, expected) => {
    expect(absoluteMediaUrl(base, url)).toBe(expected);
  });
});

describe('makeMediaAbsolute', () => {
  it('rewrites files and their formats, at any depth, and nothing else', () => {
    const body = {
      data: [
        {
          url: 'https://site.example/tin-tuc/a',
          cover: { url: '/uploads/a.jpg', mime: 'image/jpeg', formats: { thumbnail: { url: '/uploads/thumbnail_a.jpg', mime: 'image/jpeg' } } },
          body: [{ type: 'image', image: { url: '/uploads/b.png', mime: 'image/png', previewUrl: '/uploads/b_preview.png' } }],
          link: { url: '/lien-he' },
        },
      ],
    };
    expect(makeMediaAbsolute(body, 'https://m.example')).toBe(4);
    const [item] = body.data;
    expect(item.cover.url).toBe('https://m.example/uploads/a.jpg');
    expect(item.cover.formats.thumbnail.url).toBe('https://m.example/uploads/thumbnail_a.jpg');
    expect(item.body[0].image).toMatchObject({ url: 'https://m.example/uploads/b.png', previewUrl: 'https://m.example/uploads/b_preview.png' });
    // No mime: not a file (a link, a page URL).
    expect(item.link.url).toBe('/lien-he');
    expect(item.url).toBe('https://site.example/tin-tuc/a');
  });

  it('is idempotent: a second pass changes nothing', () => {
    const body = { url: '/uploads/a.jpg', mime: 'image/jpeg' };
    makeMediaAbsolute(body, 'https://m.example');
    expect(makeMediaAbsolute(body, 'https://m.example')).toBe(0);
  });
});

describe('mediaBase', () => {
  it.each([
    ['https://media.example.vn/', 'http://127.0.0.1:1337', 'https://media.example.vn'],
    ['', 'https://cms.example.vn', 'https://cms.example.vn'],
    [undefined, 'https://cms.example.vn/', 'https://cms.example.vn'],
  ])('PUBLIC_MEDIA_URL %p, server %s → %s', (configured, server, expected) => {
    expect(mediaBase(configured, server)).toBe(expected);
  });
});
