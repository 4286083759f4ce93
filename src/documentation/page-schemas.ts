/**
 * OpenAPI 3.0 schemas of the answers our own routes give (newsroom pages, feeds, search), so that
 * generated types say `title: string` instead of `unknown`. Written from real answers and checked
 * against them by test/integration/openapi-answers.test.ts. Optional objects are inlined with
 * `nullable` rather than referenced: OpenAPI 3.0 has no nullable `$ref`.
 */

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const text = (description?: string): Schema => ({ type: 'string', ...(description ? { description } : {}) });
const maybe = (schema: Schema): Schema => ({ ...schema, nullable: true });
const object = (properties: Record<string, Schema>, required: string[] = Object.keys(properties)): Schema => ({ type: 'object', required, properties });
const list = (items: Schema): Schema => ({ type: 'array', items });
const dateTime = (description?: string): Schema => ({ ...text(description), format: 'date-time' });

/** One size of an image as the upload plugin records it (Strapi's own keys are kept). */
const imageFormat = {
  type: 'object',
  required: ['url'],
  properties: {
    url: text('URL of this size'),
    mime: text(),
    width: { type: 'integer' },
    height: { type: 'integer' },
    size: { type: 'number', description: 'kilobytes (bytes / 1000)' },
    sizeInBytes: { type: 'integer' },
  },
};

/** The picture of a list item: the thumbnail with its WebP and AVIF siblings. */
const imageCard = object(
  {
    url: text(),
    mime: text(),
    width: maybe({ type: 'integer' }),
    height: maybe({ type: 'integer' }),
    alternativeText: maybe(text()),
    placeholder: maybe(text('a tiny blurred data: URL to show while loading')),
    dominantColor: maybe(text('#rrggbb')),
    formats: { type: 'object', additionalProperties: ref('ImageFormat') },
  },
  ['url', 'formats']
);

const alternate = object({ locale: text(), slug: text(), url: text("the website's page in that locale") });

export const PAGE_SCHEMAS: Record<string, Schema> = {
  ImageFormat: imageFormat,
  ArticleCard: object(
    {
      documentId: text(),
      title: text(),
      slug: text(),
      locale: text(),
      dateline: maybe(dateTime()),
      datelineText: maybe(text('"Thứ Ba, 04/11/2025 08:00" (Asia/Ho_Chi_Minh)')),
      dateText: maybe(text('"04/11/2025 08:00"')),
      url: text("the website's page of the article"),
      cover: maybe(imageCard),
    },
    ['documentId', 'title', 'slug', 'locale', 'dateline', 'datelineText', 'dateText', 'url', 'cover']
  ),
  Alternate: alternate,
  PageMeta: object(
    {
      title: text(),
      description: text(),
      canonical: text(),
      robots: text('"noindex, nofollow" when an editor hid the page'),
      openGraph: { type: 'object', additionalProperties: true, description: 'og:* and article:* properties, ready for <meta property>' },
      twitter: { type: 'object', additionalProperties: { type: 'string' }, description: 'twitter:* names, ready for <meta name>' },
    },
    ['title', 'canonical', 'openGraph', 'twitter']
  ),
  NewsArticleJsonLd: {
    type: 'object',
    required: ['@context', '@type', 'headline', 'datePublished', 'publisher', 'url'],
    additionalProperties: true,
    properties: {
      '@context': text(),
      '@type': { type: 'string', enum: ['NewsArticle'] },
      headline: text('at most 110 characters'),
      image: list(text()),
      datePublished: dateTime(),
      dateModified: dateTime(),
      publisher: { type: 'object', additionalProperties: true },
      url: text(),
    },
  },
  ArticlePageExtras: object({
    datelineText: maybe(text('"Thứ Ba, 04/11/2025 08:00"')),
    dateText: maybe(text('"04/11/2025 08:00"')),
    related: list(ref('ArticleCard')),
    alternates: list(ref('Alternate')),
    url: text("the website's page"),
    jsonLd: ref('NewsArticleJsonLd'),
    jsonLdScript: text('jsonLd as JSON with "<" escaped: print it as is inside <script type="application/ld+json">'),
    meta: ref('PageMeta'),
  }),
  TaxonomyPageExtras: object(
    {
      articles: list(ref('ArticleCard')),
      alternates: list(ref('Alternate')),
      url: text(),
      meta: ref('PageMeta'),
      currentTerm: maybe({ type: 'object', additionalProperties: true, description: "blocs: this year's (or the latest) term, leader and deputy populated" }),
      jsonLd: { type: 'object', additionalProperties: true, description: 'văn bản: schema.org Legislation (legislationIdentifier, legislationLegalForce, …)' },
      files: list({
        type: 'object',
        additionalProperties: true,
        description: 'văn bản: each attached file, with whether its words are searched',
        properties: {
          textStatus: maybe({ type: 'string', enum: ['text', 'scanned', 'failed', 'pending'], description: 'PDFs only (null otherwise): text = searched; scanned = page images, nothing to search; pending = not read yet' }),
          textStatusLabel: maybe(text('Vietnamese label of textStatus')),
          pages: maybe({ type: 'integer', description: 'pages in the PDF, once read' }),
        },
      }),
      jsonLdScript: text('jsonLd as JSON with "<" escaped: print it as is inside <script type="application/ld+json">'),
    },
    ['articles', 'alternates', 'url', 'meta']
  ),
  Redirect: object({
    data: maybe({ type: 'object', description: 'always null' }),
    redirect: object({ slug: text('the current slug'), url: text("the website's current page"), location: text('this API\'s by-slug URL (also the Location header)') }),
  }),
  SearchHit: {
    type: 'object',
    required: ['type', 'documentId', 'title', 'slug', 'score'],
    additionalProperties: true,
    properties: {
      type: text('content type: article, category, bloc, agency, movement'),
      documentId: text(),
      title: text(),
      slug: text(),
      excerpt: maybe(text()),
      score: { type: 'number' },
    },
  },
  SearchResult: object({
    data: list(ref('SearchHit')),
    meta: object({ pagination: ref('Pagination'), capped: { type: 'boolean', description: 'true when only the best hits were ranked' } }),
  }),
  JsonFeed: {
    type: 'object',
    required: ['version', 'title', 'items'],
    properties: {
      version: text(),
      title: text(),
      home_page_url: text(),
      feed_url: text(),
      description: text(),
      language: text(),
      icon: text(),
      items: list({
        type: 'object',
        required: ['id', 'url', 'title', 'date_published'],
        properties: {
          id: text(),
          url: text(),
          title: text(),
          summary: text(),
          content_html: text(),
          content_text: text(),
          image: text('absolute URL of the picture'),
          date_published: dateTime(),
          date_modified: dateTime(),
          authors: list(object({ name: text() })),
          tags: list(text()),
        },
      }),
    },
  },
};

/** `{ data: <entry + extras>, meta }` of a by-slug page: the content type's schema and our extras. */
export const pageAnswer = (contentType: string, extras: 'ArticlePageExtras' | 'TaxonomyPageExtras'): Schema =>
  object({
    data: { allOf: [ref(contentType), ref(extras)] },
    meta: extras === 'TaxonomyPageExtras' ? object({ pagination: ref('Pagination') }) : { type: 'object' },
  });
