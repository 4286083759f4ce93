// Commands for the app children of the whole-topology test: article writes (articles.js),
// scheduled drafts with a count of this instance's publish actions (scheduler.js), an API token,
// and what the image pipeline made of uploaded files.
module.exports = (strapi) => ({
  ...require('./articles')(strapi),
  ...require('./scheduler')(strapi),
  async token() {
    const token = await strapi.service('admin::api-token').create({ name: `topology-${Date.now()}`, type: 'full-access', lifespan: null, description: '' });
    return { accessKey: token.accessKey };
  },
  /** For each file: the formats it has, the ones the pipeline plans for its size, and every URL it names. */
  async media(msg) {
    const processor = strapi.plugin('image-pipeline').service('processor');
    const rows = await strapi.db.query('plugin::upload.file').findMany({ where: { id: { $in: msg.ids } }, orderBy: { id: 'asc' } });
    return {
      files: rows.map((row) => ({
        fileId: row.id,
        formats: Object.keys(row.formats ?? {}).sort(),
        planned: processor.plan(row.width, row.height).map((d) => d.key).sort(),
        urls: [row.url, ...Object.values(row.formats ?? {}).map((f) => f.url)],
      })),
    };
  },
});
