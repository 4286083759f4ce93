// One app instance for the shared-cache test: boots the compiled app from the env it is given,
// listens on a free port and makes Document Service writes when the parent test asks (also the
// revalidation webhook test's app, restarted on one SQLite file).
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..', '..');
const ARTICLE = 'api::article.article';

createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false })
  .load()
  .then(async (strapi) => {
    await strapi.listen();
    process.on('message', async (msg) => {
      try {
        if (msg.cmd === 'publish') {
          const doc = msg.documentId
            ? await strapi.documents(ARTICLE).update({ documentId: msg.documentId, data: msg.slug ? { title: msg.title, slug: msg.slug } : { title: msg.title } })
            : await strapi.documents(ARTICLE).create({ data: { title: msg.title } });
          await strapi.documents(ARTICLE).publish({ documentId: doc.documentId });
          process.send({ id: msg.id, documentId: doc.documentId, slug: doc.slug });
        } else if (msg.cmd === 'stop') {
          await strapi.destroy();
          process.exit(0);
        }
      } catch (error) {
        process.send({ id: msg.id, error: String(error && error.stack) });
      }
    });
    process.send({ ready: true, port: strapi.server.httpServer.address().port });
  })
  .catch((error) => {
    console.error(error && error.stack);
    process.exit(3);
  });
