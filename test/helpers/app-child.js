// The compiled app in a child process, for the tests that need whole processes: several instances
// on one database, a server a real browser talks to, a database stopped under a running app.
// One boot script for all of them; what differs is a commands module (argv[2], optional) and the
// options (argv[3], JSON): `listen` (a free port, sent back), `admin` (serve the built admin panel).
//
// Protocol over IPC: `{ ready: true, port }` once booted; each `{ id, cmd, … }` is answered with
// `{ id, …reply }` or `{ id, error }`; `stop` destroys the app and exits.
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..', '..');
const [commandsModule, rawOptions] = process.argv.slice(2);
const { listen = false, admin = false } = JSON.parse(rawOptions || '{}');

createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: admin })
  .load()
  .then(async (strapi) => {
    // A commands module exports (strapi) => ({ name: async (msg) => reply }).
    const commands = commandsModule ? require(path.resolve(commandsModule))(strapi) : {};
    if (listen) await strapi.listen();
    process.on('message', async (msg) => {
      try {
        if (msg.cmd === 'stop') {
          await strapi.destroy();
          process.exit(0);
        }
        const command = commands[msg.cmd];
        if (!command) throw new Error(`unknown command ${msg.cmd}`);
        process.send({ id: msg.id, ...(await command(msg)) });
      } catch (error) {
        process.send({ id: msg.id, error: String(error && error.stack) });
      }
    });
    process.send({ ready: true, port: listen ? strapi.server.httpServer.address().port : undefined });
  })
  .catch((error) => {
    console.error(error && error.stack);
    process.exit(3);
  });
