import { headline, jsonLdScript, newsArticleJsonLd, pageMeta } from '../server/src/utils/structured-data';
import type { NewsArticleInput } from '../server/src/utils/types';

const input: NewsArticleInput = {
  url: 'https://example.vn/tin-tuc/a',
  headline: 'Khối Mặt trận – Đoàn thể ký kết giao ước thi đua năm 2024',
  description: 'Sáu cơ quan ký giao ước.',
  datePublished: new Date('2024-02-28T09:45:00Z'),
  dateModified: new Date('2024-03-01T02:00:00Z'),
  authorName: 'Minh Anh',
  images: { wide: 'https://cms/u/wide.jpg', standard: 'https://cms/u/standard.jpg', square: 'https://cms/u/square.jpg', fallback: 'https://cms/u/a.jpg' },
  publisher: { name: 'Cổng TĐKT', logoUrl: 'https://example.vn/logo.png' },
  inLanguage: 'vi-VN',
  section: 'Tin hoạt động',
  keywords: ['Khối Mặt trận', 'Lao động giỏi'],
};

describe('newsArticleJsonLd', () => {
  it('fills the fields Google News reads', () => {
    expect(newsArticleJsonLd(input)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: input.headline,
      description: 'Sáu cơ quan ký giao ước.',
      image: ['https://cms/u/wide.jpg', 'https://cms/u/standard.jpg', 'https://cms/u/square.jpg'],
      datePublished: '2024-02-28T09:45:00.000Z',
      dateModified: '2024-03-01T02:00:00.000Z',
      author: [{ '@type': 'Person', name: 'Minh Anh' }],
      publisher: { '@type': 'Organization', name: 'Cổng TĐKT', logo: { '@type': 'ImageObject', url: 'https://example.vn/logo.png' } },
      inLanguage: 'vi-VN',
      mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
      url: input.url,
      articleSection: 'Tin hoạt động',
      keywords: 'Khối Mặt trận, Lao động giỏi',
    });
  });

  it.each([
    [{ wide: undefined, standard: undefined, square: undefined, fallback: 'https://cms/u/a.jpg' }, ['https://cms/u/a.jpg']],
    [{ square: 'https://cms/u/sq.jpg', fallback: 'https://cms/u/a.jpg' }, ['https://cms/u/sq.jpg']],
    [{}, undefined],
  ])('images %j', (images, expected) => {
    expect(newsArticleJsonLd({ ...input, images }).image).toEqual(expected);
  });

  it('names the publisher as author when no one signed the article', () => {
    const ld = newsArticleJsonLd({ ...input, authorName: undefined, description: undefined, keywords: [] });
    expect(ld.author).toEqual([{ '@type': 'Organization', name: 'Cổng TĐKT' }]);
    expect(ld).not.toHaveProperty('description');
    expect(ld).not.toHaveProperty('keywords');
  });
});

describe('headline', () => {
  it.each([
    ['Ngắn gọn', 'Ngắn gọn'],
    ['a'.repeat(110), 'a'.repeat(110)],
    [`${'Tổng kết phong trào '.repeat(8)}`.trim(), expect.stringMatching(/^Tổng kết phong trào .*…$/)],
  ])('%j', (title, expected) => {
    const out = headline(title);
    expect(out).toEqual(expected);
    expect(Array.from(out).length).toBeLessThanOrEqual(110);
  });
});

describe('pageMeta', () => {
  it('builds Open Graph and Twitter fields', () => {
    const meta = pageMeta({
      title: 'Tiêu đề',
      description: 'Mô tả',
      canonical: 'https://example.vn/tin-tuc/a',
      image: { url: 'https://cms/u/social.jpg', width: 1200, height: 630, alt: 'Ảnh' },
      siteName: 'Cổng TĐKT',
      ogLocale: 'vi_VN',
      alternateOgLocales: ['en'],
      type: 'article',
      publishedTime: new Date('2024-02-28T09:45:00Z'),
      modifiedTime: new Date('2024-03-01T02:00:00Z'),
      section: 'Tin',
      twitterSite: '@tdkt',
    }) as Record<string, Record<string, unknown>>;
    expect(meta.canonical).toBe('https://example.vn/tin-tuc/a');
    expect(meta.openGraph).toMatchObject({
      'og:type': 'article',
      'og:image': 'https://cms/u/social.jpg',
      'og:image:width': 1200,
      'og:locale': 'vi_VN',
      'og:locale:alternate': ['en'],
      'article:published_time': '2024-02-28T09:45:00.000Z',
    });
    expect(meta.twitter).toEqual({
      'twitter:card': 'summary_large_image',
      'twitter:title': 'Tiêu đề',
      'twitter:description': 'Mô tả',
      'twitter:image': 'https://cms/u/social.jpg',
      'twitter:image:alt': 'Ảnh',
      'twitter:site': '@tdkt',
    });
    expect(meta).not.toHaveProperty('robots');
  });

  it('omits what is missing and says noindex when asked', () => {
    const meta = pageMeta({ title: 'T', canonical: 'https://e/x', siteName: 'S', ogLocale: 'vi_VN', type: 'website', noIndex: true }) as Record<string, Record<string, unknown>>;
    expect(meta.robots).toBe('noindex, nofollow');
    expect(meta).not.toHaveProperty('description');
    expect(meta.openGraph).not.toHaveProperty('og:image');
    expect(meta.openGraph).not.toHaveProperty('article:published_time');
    expect(meta.twitter['twitter:card']).toBe('summary');
  });
});

describe('jsonLdScript', () => {
  it('cannot close the script element it is printed in', () => {
    const out = jsonLdScript({ headline: '</script><script>alert(1)</script> <!-- \u2028' });
    expect(out).not.toMatch(/<\/script/i);
    expect(out).not.toContain('<!--');
    expect(out).not.toContain('\u2028');
    expect(JSON.parse(out)).toEqual({ headline: '</script><script>alert(1)</script> <!-- \u2028' });
  });
});
