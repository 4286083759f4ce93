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

module.exports = { articleRows };
