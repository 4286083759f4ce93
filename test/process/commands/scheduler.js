// Commands for an app child (test/helpers/app-child.js) in the scheduling race: scheduled drafts,
// runs of the scheduler at a given instant, and the publish actions this instance performed.
const ARTICLE = 'api::article.article';

module.exports = (strapi) => {
  const publishes = {};
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid === ARTICLE && ctx.action === 'publish') publishes[ctx.params.documentId] = (publishes[ctx.params.documentId] ?? 0) + 1;
    return next();
  });
  const scheduler = strapi.plugin('newsroom').service('scheduler');
  return {
    async create(msg) {
      const ids = [];
      for (let i = 0; i < msg.count; i += 1) {
        const doc = await strapi.documents(ARTICLE).create({ data: { title: `${msg.title} ${i + 1}`, publishAt: new Date(msg.publishAt) } });
        ids.push(doc.documentId);
      }
      return { ids };
    },
    /** Both instances start at the same wall-clock instant, each with several runs at once. */
    async race(msg) {
      await new Promise((r) => setTimeout(r, Math.max(0, msg.startAt - Date.now())));
      const runs = await Promise.all(Array.from({ length: msg.parallel }, () => scheduler.runDue(new Date(msg.now))));
      return { done: runs.flat().filter((r) => r.outcome === 'done').length };
    },
    async publishes() {
      return { publishes };
    },
  };
};
