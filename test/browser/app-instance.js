// The built app serving its admin panel, for the browser test: boots from the env it is given,
// listens on a free port and tells the parent which one.
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..', '..');

createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: true })
  .load()
  .then(async (strapi) => {
    await strapi.listen();
    process.on('message', async (msg) => {
      if (msg.cmd === 'stop') {
        await strapi.destroy();
        process.exit(0);
      }
    });
    process.send({ ready: true, port: strapi.server.httpServer.address().port });
  })
  .catch((error) => {
    console.error(error && error.stack);
    process.exit(3);
  });
