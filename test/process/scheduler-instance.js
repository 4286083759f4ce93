// One app instance for the scheduling race: boots the compiled app from the env it is given and
// answers the parent test over IPC. Counts the publish actions its Document Service performs.
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..', '..');
const ARTICLE = 'api::article.article';
const publishes = {};

createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false })
  .load()
  .then((strapi) => {
    strapi.documents.use(async (ctx, next) => {
      if (ctx.uid === ARTICLE && ctx.action === 'publish') publishes[ctx.params.documentId] = (publishes[ctx.params.documentId] ?? 0) + 1;
      return next();
    });
    const scheduler = strapi.plugin('newsroom').service('scheduler');
    process.on('message', async (msg) => {
      try {
        if (msg.cmd === 'create') {
          const ids = [];
          for (let i = 0; i < msg.count; i += 1) {
            const doc = await strapi.documents(ARTICLE).create({ data: { title: `${msg.title} ${i + 1}`, publishAt: new Date(msg.publishAt) } });
            ids.push(doc.documentId);
          }
          process.send({ id: msg.id, ids });
        } else if (msg.cmd === 'race') {
          // Both instances start at the same wall-clock instant, each with several runs at once.
          await new Promise((r) => setTimeout(r, Math.max(0, msg.startAt - Date.now())));
          const runs = await Promise.all(Array.from({ length: msg.parallel }, () => scheduler.runDue(new Date(msg.now))));
          process.send({ id: msg.id, done: runs.flat().filter((r) => r.outcome === 'done').length });
        } else if (msg.cmd === 'publishes') {
          process.send({ id: msg.id, publishes });
        } else if (msg.cmd === 'stop') {
          await strapi.destroy();
          process.exit(0);
        }
      } catch (error) {
        process.send({ id: msg.id, error: String(error && error.stack) });
      }
    });
    process.send({ ready: true });
  })
  .catch((error) => {
    console.error(error && error.stack);
    process.exit(3);
  });
