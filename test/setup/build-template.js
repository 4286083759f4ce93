// Child process of global-setup: boots the compiled app once on the database in its env, which
// seeds the sample content (covers included), waits until the image queue has made every size of
// the covers, then stops it, so the database and uploads folder are whole and can be copied for
// every test file. (Stopping alone drops the waiting jobs: every copy then re-made them in the
// background, and the draft oracle saw a cover gain its "large" size between two identical queries.)
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..', '..');

createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false })
  .load()
  .then(async (strapi) => {
    await strapi.plugin('image-pipeline').service('queue').idle();
    await strapi.destroy();
    process.exit(0);
  })
  .catch((error) => {
    console.error(error && error.stack);
    process.exit(3);
  });
