// Rows of the articles table for generated Vietnamese articles, published, for bulk inserts.
const crypto = require('node:crypto');
const { article } = require('./vietnamese-corpus');

function articleRows(from, to, slugify, now = new Date()) {
  const rows = [];
  for (let i = from; i < to; i += 1) {
    const a = article(i);
    const body = a.paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] }));
    rows.push({
      document_id: crypto.randomBytes(12).toString('hex'),
      title: a.title,
      slug: `${slugify(a.title)}-${i}`,
      summary: a.summary,
      body: JSON.stringify(body),
      author: 'Phóng viên',
      dateline: a.dateline,
      created_at: now,
      updated_at: now,
      published_at: now,
      locale: 'vi',
    });
  }
  return rows;
}

/**
 * N published Vietnamese articles straight into the tables (seconds, not the minutes the Document
 * Service would take), all in one category like real pages, then the search index rebuilt and the
 * planners' statistics refreshed.
 */
async function insertArticles(strapi, N) {
  const knex = strapi.db.connection;
  const slugify = strapi.plugin('vietnamese-text').service('slugs').make;
  const category = await strapi.documents('api::category.category').create({ locale: 'vi', status: 'published', data: { name: 'Tin hoạt động' } });
  const categoryRow = await knex('categories').where({ document_id: category.documentId }).whereNotNull('published_at').first();
  const now = new Date();
  for (let from = 0; from < N; from += 1000) {
    const rows = articleRows(from, Math.min(N, from + 1000), slugify, now);
    await knex.batchInsert('articles', rows, 250);
  }
  const link = Object.keys(await knex('articles_category_lnk').columnInfo());
  const [articleCol, categoryCol] = [link.find((c) => c.startsWith('article')), link.find((c) => c.startsWith('category') && !c.endsWith('ord'))];
  // Only the generated ones: sample articles, when loaded, keep their own category.
  const ids = await knex('articles').select('id').whereNotIn('id', knex('articles_category_lnk').select(articleCol));
  await knex.batchInsert('articles_category_lnk', ids.map(({ id }) => ({ [articleCol]: id, [categoryCol]: categoryRow.id })), 500);
  await strapi.plugin('vietnamese-text').service('searchIndex').rebuild();
  // As the import does after bulk work: the planners' statistics (dist/src/utils/planner-statistics.js).
  await require('../../dist/src/utils/planner-statistics').refreshPlannerStatistics(strapi);
}

module.exports = { articleRows, insertArticles };
