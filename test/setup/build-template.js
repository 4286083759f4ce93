// Child process of global-setup: boots the compiled app once on the database in its env, which
// seeds the sample content (covers included), then stops it (draining the image queue) so the
// database and uploads folder are whole and can be copied for every test file.
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..', '..');

createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false })
  .load()
  .then(async (strapi) => {
    await strapi.destroy();
    process.exit(0);
  })
  .catch((error) => {
    console.error(error && error.stack);
    process.exit(3);
  });
