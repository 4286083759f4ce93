/**
 * OpenAPI paths for our plugins' public routes. The documentation plugin generates paths only
 * from content types' routes (and upload / users-permissions); the newsroom and vietnamese-text
 * routes belong to no content type, so they are described here and added with `registerOverride`.
 */

type Schema = Record<string, unknown>;
type Parameter = { name: string; in: 'path' | 'query'; required: boolean; description: string; schema: Schema };

const str = (description: string, required = false, where: 'path' | 'query' = 'query'): Parameter => ({
  name: '',
  in: where,
  required,
  description,
  schema: { type: 'string' },
});
const named = (name: string, p: Parameter): Parameter => ({ ...p, name });
const int = (name: string, description: string): Parameter => ({ name, in: 'query', required: false, description, schema: { type: 'integer', minimum: 1 } });

const locale = named('locale', str('Mã ngôn ngữ / locale code (vi, en); mặc định vi'));
const slug = named('slug', str('Slug của mục / entry slug', true, 'path'));
const page = int('page', 'Trang danh sách bài / page of the entry\'s articles');
const pageSize = int('pageSize', 'Số bài mỗi trang (≤ 50) / articles per page (≤ 50)');
const feedFilters = ['category', 'bloc', 'agency', 'movement'].map((f) => named(f, str(`Chỉ bài thuộc ${f} có slug này / only articles of this ${f} slug`)));

const errorResponse = { description: 'Lỗi / error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const json = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } } });
const xml = (description: string) => ({ description, content: { 'application/xml': { schema: { type: 'string' } } } });

function get(tag: string, summary: string, parameters: Parameter[], ok: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    get: {
      tags: [tag],
      summary,
      // Public: no token needed (overrides the document's default bearer requirement).
      security: [] as unknown[],
      parameters,
      responses: { '200': ok, '400': errorResponse, '404': errorResponse, ...extra },
    },
  };
}

const pageBySlug = (what: string) =>
  get('Newsroom', `${what} theo slug, kèm liên kết và bài mới nhất / ${what} by slug with links and latest articles`, [slug, locale, page, pageSize], json('Trang / page'));

export const pluginRoutesDocumentation = {
  tags: [
    { name: 'Newsroom', description: 'Trang theo slug, feed và sitemap / pages by slug, feeds and sitemaps' },
    { name: 'Search', description: 'Tìm kiếm tiếng Việt không dấu / accent-insensitive Vietnamese search' },
  ],
  paths: {
    '/articles/by-slug/{slug}': get(
      'Newsroom',
      'Bài viết theo slug, sẵn sàng để hiển thị / article page by slug',
      [slug, locale],
      json('Bài viết với "Tin khác", JSON-LD và meta / article with related news, JSON-LD and meta'),
      { '301': { description: 'Slug cũ: chuyển đến slug hiện tại / previous slug: redirect to the current one' } }
    ),
    '/categories/by-slug/{slug}': pageBySlug('Category'),
    '/blocs/by-slug/{slug}': pageBySlug('Bloc'),
    '/agencies/by-slug/{slug}': pageBySlug('Agency'),
    '/movements/by-slug/{slug}': pageBySlug('Movement'),
    '/feeds/rss.xml': get('Newsroom', 'RSS 2.0', [locale, ...feedFilters], xml('RSS 2.0')),
    '/feeds/atom.xml': get('Newsroom', 'Atom 1.0', [locale, ...feedFilters], xml('Atom 1.0')),
    '/feeds/feed.json': get('Newsroom', 'JSON Feed 1.1', [locale, ...feedFilters], {
      description: 'JSON Feed 1.1',
      content: { 'application/feed+json': { schema: { type: 'object', additionalProperties: true } } },
    }),
    '/sitemap.xml': get('Newsroom', 'Sitemap index', [], xml('Sitemap index')),
    '/sitemaps/{name}': get('Newsroom', 'Sitemap part (articles-1.xml, categories-1.xml, …)', [named('name', str('Part file name', true, 'path'))], xml('Sitemap')),
    '/news-sitemap.xml': get('Newsroom', 'Google News sitemap (48 h)', [], xml('News sitemap')),
    // users-permissions' refresh route (session mode), which its own documentation leaves out.
    '/auth/refresh': {
      post: {
        tags: ['Users-Permissions - Auth'],
        summary: 'Đổi refresh token lấy JWT mới / exchange a refresh token for a new JWT',
        security: [] as unknown[],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { type: 'object', required: ['refreshToken'], properties: { refreshToken: { type: 'string' } } } } },
        },
        responses: { '200': json('JWT mới / new JWT'), '400': errorResponse, '401': errorResponse },
      },
    },
    '/search': get(
      'Search',
      'Tìm kiếm bài viết và danh mục đã xuất bản / search published content',
      [
        named('q', str('Từ khóa, có dấu hoặc không / query, with or without tones', true)),
        locale,
        named('type', str('Giới hạn loại nội dung / restrict to a content type')),
        page,
        pageSize,
      ],
      json('Kết quả và phân trang / hits and pagination')
    ),
  },
};
