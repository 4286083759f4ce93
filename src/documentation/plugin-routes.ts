/**
 * OpenAPI paths for our plugins' public routes. The documentation plugin generates paths only
 * from content types' routes (and upload / users-permissions); the newsroom and vietnamese-text
 * routes belong to no content type, so they are described here and added with `registerOverride`,
 * each with an operationId, its parameters' allowed values and the schema of its answer.
 */
import answerExamples from './answer-examples.json';
import { pageAnswer, PAGE_SCHEMAS } from './page-schemas';

/** Real answers on the sample content, cut down (`npm run openapi:examples` writes them). */
const EXAMPLES: Record<string, unknown> = answerExamples;

type Schema = Record<string, unknown>;
type Parameter = { name: string; in: 'path' | 'query'; required: boolean; description: string; schema: Schema; example?: unknown };

export interface RouteFacts {
  /** Locale codes, the default first. */
  locales: string[];
  /** `type` values of /api/search (the indexed content types' singular names). */
  searchTypes: string[];
}

const param = (name: string, where: 'path' | 'query', description: string, schema: Schema, example?: unknown): Parameter => ({
  name,
  in: where,
  required: where === 'path',
  description,
  schema,
  ...(example !== undefined ? { example } : {}),
});
const int = (name: string, description: string, max: number): Parameter => param(name, 'query', description, { type: 'integer', minimum: 1, maximum: max });

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const jsonAnswer = (description: string, schema: Schema, type = 'application/json', example?: unknown) => ({
  description,
  content: { [type]: { schema, ...(example !== undefined ? { example } : {}) } },
});
const xml = (description: string) => ({ description, content: { 'application/xml': { schema: { type: 'string' } } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function get(operationId: string, tag: string, summary: string, parameters: Parameter[], ok: Schema, extra: Record<string, unknown> = {}) {
  return {
    get: {
      operationId,
      tags: [tag],
      summary,
      // Public: no token needed (overrides the document's default bearer requirement).
      security: [] as unknown[],
      parameters,
      responses: {
        '200': ok,
        '400': errorResponse('Tham số sai / bad parameter (Vietnamese message)'),
        '404': errorResponse('Không có / not found (Vietnamese message)'),
        ...extra,
      },
    },
  };
}

/** The paths, tags and schemas merged into the generated document. */
export function pluginRoutesDocumentation({ locales, searchTypes }: RouteFacts) {
  const locale = param('locale', 'query', `Mã ngôn ngữ / locale code; mặc định ${locales[0]}`, { type: 'string', enum: locales }, locales[0]);
  const slug = (example: string) => param('slug', 'path', 'Slug của mục / entry slug', { type: 'string', maxLength: 255 }, example);
  const page = int('page', "Trang danh sách bài / page of the entry's articles", 100_000);
  const pageSize = int('pageSize', 'Số bài mỗi trang (≤ 50, mặc định 10) / articles per page (≤ 50, default 10)', 50);
  const feedFilters = ['category', 'bloc', 'agency', 'movement', 'legal-document'].map((f) =>
    param(f, 'query', `Chỉ bài thuộc ${f} có slug này / only articles of this ${f} slug`, { type: 'string', maxLength: 255 })
  );
  const moved = {
    '301': jsonAnswer('Slug cũ: chuyển đến slug hiện tại / previous slug: redirect to the current one', ref('Redirect')),
  };
  const taxonomy = (operationId: string, what: string, contentType: string, example: string) =>
    get(
      operationId,
      'Newsroom',
      `${what} theo slug, kèm liên kết và bài mới nhất / ${what} by slug with links and latest articles`,
      [slug(example), locale, page, pageSize],
      jsonAnswer('Trang / page', pageAnswer(contentType, 'TaxonomyPageExtras'), undefined, EXAMPLES[operationId]),
      moved
    );
  const feed = (operationId: string, summary: string) => get(operationId, 'Newsroom', summary, [locale, ...feedFilters], xml(summary));

  return {
    tags: [
      { name: 'Newsroom', description: 'Trang theo slug, feed và sitemap / pages by slug, feeds and sitemaps' },
      { name: 'Search', description: 'Tìm kiếm tiếng Việt không dấu / accent-insensitive Vietnamese search' },
      { name: 'OpenAPI', description: 'Tài liệu này / this document' },
    ],
    components: { schemas: PAGE_SCHEMAS },
    paths: {
      '/articles/by-slug/{slug}': get(
        'getArticlePage',
        'Newsroom',
        'Bài viết theo slug, sẵn sàng để hiển thị / article page by slug',
        [slug('ban-thi-dua-khen-thuong-tinh-huong-dan-tong-ket-binh-xet-thi-dua-va-de-nghi-khen'), locale],
        jsonAnswer('Bài viết với "Tin khác", JSON-LD và meta / article with related news, JSON-LD and meta', pageAnswer('Article', 'ArticlePageExtras'), undefined, EXAMPLES.getArticlePage),
        moved
      ),
      '/categories/by-slug/{slug}': taxonomy('getCategoryPage', 'Category', 'Category', 'van-ban-chinh-sach-thi-dua-khen-thuong'),
      '/blocs/by-slug/{slug}': taxonomy('getBlocPage', 'Bloc', 'Bloc', 'khoi-mat-tran-doan-the'),
      '/agencies/by-slug/{slug}': taxonomy('getAgencyPage', 'Agency', 'Agency', 'hoi-lien-hiep-phu-nu-tinh'),
      '/movements/by-slug/{slug}': taxonomy('getMovementPage', 'Movement', 'Movement', 'hoc-tap-va-lam-theo-tu-tuong-dao-duc-phong-cach-ho-chi-minh'),
      '/legal-documents/by-slug/{slug}': taxonomy('getLegalDocumentPage', 'Legal document', 'LegalDocument', 've-day-manh-hoc-tap-va-lam-theo-tu-tuong-dao-duc-phong-cach-ho-chi-minh'),
      '/feeds/rss.xml': feed('getRssFeed', 'RSS 2.0'),
      '/feeds/atom.xml': feed('getAtomFeed', 'Atom 1.0'),
      '/feeds/feed.json': get('getJsonFeed', 'Newsroom', 'JSON Feed 1.1', [locale, ...feedFilters], jsonAnswer('JSON Feed 1.1', ref('JsonFeed'), 'application/feed+json', EXAMPLES.getJsonFeed)),
      '/sitemap.xml': get('getSitemapIndex', 'Newsroom', 'Sitemap index', [], xml('Sitemap index')),
      '/sitemaps/{name}': get(
        'getSitemapPart',
        'Newsroom',
        'Sitemap part (articles-1.xml, categories-1.xml, …)',
        [param('name', 'path', 'Part file name', { type: 'string', pattern: '^[a-z]+-[1-9][0-9]{0,5}\\.xml$' }, 'articles-1.xml')],
        xml('Sitemap')
      ),
      '/news-sitemap.xml': get('getNewsSitemap', 'Newsroom', 'Google News sitemap (48 h)', [], xml('News sitemap')),
      '/openapi.json': {
        get: {
          operationId: 'getOpenApiDocument',
          tags: ['OpenAPI'],
          summary: 'Tài liệu OpenAPI đầy đủ / the whole OpenAPI document',
          security: [] as unknown[],
          responses: {
            '200': jsonAnswer('OpenAPI 3.0', { type: 'object', required: ['openapi', 'paths'], additionalProperties: true }),
            '401': errorResponse('Cần đăng nhập tài liệu / documentation login needed (restricted access)'),
          },
        },
      },
      // users-permissions' refresh route (session mode), which its own documentation leaves out.
      '/auth/refresh': {
        post: {
          operationId: 'postAuthRefresh',
          tags: ['Users-Permissions - Auth'],
          summary: 'Đổi refresh token lấy JWT mới / exchange a refresh token for a new JWT',
          security: [] as unknown[],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { type: 'object', required: ['refreshToken'], properties: { refreshToken: { type: 'string' } } } } },
          },
          responses: {
            '200': jsonAnswer('JWT mới / new JWT', { type: 'object', properties: { jwt: { type: 'string' } } }),
            '400': errorResponse('Thiếu token / no token'),
            '401': errorResponse('Token hết hạn / expired token'),
          },
        },
      },
      '/search': get(
        'search',
        'Search',
        'Tìm kiếm bài viết và danh mục đã xuất bản / search published content',
        [
          { ...param('q', 'query', 'Từ khóa, có dấu hoặc không / query, with or without tones', { type: 'string', minLength: 1 }, 'thi dua'), required: true },
          locale,
          param('type', 'query', 'Giới hạn loại nội dung / restrict to a content type', { type: 'string', enum: searchTypes }, searchTypes[0]),
          int('page', 'Trang / page', 100_000),
          int('pageSize', 'Số kết quả mỗi trang (≤ 50) / hits per page (≤ 50)', 50),
        ],
        jsonAnswer('Kết quả và phân trang / hits and pagination', ref('SearchResult'), undefined, EXAMPLES.search)
      ),
    },
  };
}
