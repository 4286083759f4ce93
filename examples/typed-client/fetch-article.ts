/**
 * A website's first page, typed from types/api.d.ts (`npm run types`) with openapi-fetch:
 * the newest article's page by slug, its related news and its pictures. Compiled with
 * `tsc --strict`; a wrong path, parameter or field is a compile error, not a runtime surprise.
 *
 *   node fetch-article.js http://localhost:1337/api
 */
import createClient from 'openapi-fetch';
import type { components, paths } from '../../types/api';

type ArticleCard = components['schemas']['ArticleCard'];

export interface Summary {
  title: string;
  datelineText: string | null;
  cover: string | null;
  /** `srcset` from the cover's formats: "url 234w, url 500w, …". */
  srcset: string;
  related: string[];
  jsonLdScript: string;
}

export async function newestArticle(baseUrl: string): Promise<Summary> {
  const client = createClient<paths>({ baseUrl });
  const list = await client.GET('/articles', { params: { query: { sort: 'dateline:desc', 'pagination[pageSize]': 1 } } });
  const slug = list.data?.data?.[0]?.slug;
  if (!slug) throw new Error(`no article (${list.response.status})`);

  const page = await client.GET('/articles/by-slug/{slug}', { params: { path: { slug }, query: { locale: 'vi' } } });
  if (!page.data) throw new Error(`article page: ${page.response.status} ${page.error?.error?.message ?? ''}`);
  const article = page.data.data;
  const title: string = article.title;
  const formats = Object.values(article.cover?.formats ?? {}) as { url?: string; width?: number; mime?: string }[];
  const srcset = formats
    .filter((f) => f.url && f.width && f.mime === article.cover?.mime)
    .map((f) => `${f.url} ${f.width}w`)
    .join(', ');
  return {
    title,
    datelineText: article.datelineText,
    cover: article.cover?.url ?? null,
    srcset,
    related: article.related.map((r: ArticleCard) => `${r.title} (${r.dateText ?? ''})`),
    jsonLdScript: article.jsonLdScript,
  };
}

if (require.main === module) {
  newestArticle(process.argv[2] ?? 'http://localhost:1337/api').then(
    (summary) => process.stdout.write(`${JSON.stringify(summary)}\n`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    }
  );
}
