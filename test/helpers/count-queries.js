// Counts the SQL statements knex sends while `work` runs (shared by the query-count test and
// npm run bench:queries). Statements of other concurrent work would be counted too: run it alone.
async function countQueries(strapi, work) {
  const knex = strapi.db.connection;
  const statements = [];
  const onQuery = (query) => statements.push({ sql: query.sql, bindings: query.bindings ?? [] });
  knex.on('query', onQuery);
  try {
    const result = await work();
    return { result, statements };
  } finally {
    knex.removeListener('query', onQuery);
  }
}

module.exports = { countQueries };
