// The benchmarks' servers run in child processes (their memory and CPU are then the server's
// alone): booting the app there, forking it, stopping it, and reading its memory from /proc.
const { fork } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const appDir = path.resolve(__dirname, '..', '..');

/**
 * In the child: the compiled app on a throwaway database (createTestEnv), with extra env. With
 * BENCH_SHARED_DATABASE=1 the parent made the database and passed its env (several instances on
 * one database): it is used as it is, and the parent drops it.
 */
async function bootStrapi(database, name, extraEnv) {
  const { createStrapi } = require('@strapi/strapi');
  const { createTestEnv } = require('../../test/helpers/test-env');
  const { env, drop } = process.env.BENCH_SHARED_DATABASE === '1' ? { env: {}, drop: async () => {} } : await createTestEnv(database, name);
  Object.assign(process.env, env, { LOG_LEVEL: 'error' }, extraEnv);
  // Compiled once by the parent: the TypeScript compiler's memory is not the server's.
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  return { strapi, drop };
}

/** In the child: listens, tells the parent its port (and `info`), and shuts down on 'stop'. */
async function serveUntilStopped({ strapi, drop }, info = {}) {
  await strapi.listen();
  process.on('message', async (msg) => {
    if (msg === 'stop') {
      await strapi.destroy();
      await drop();
      process.exit(0);
    }
  });
  process.send({ port: strapi.server.httpServer.address().port, ...info });
}

/** In the parent: forks `script args…` and resolves with its first message and the child. */
function forkServer(script, args, env = {}) {
  const child = fork(script, args, { cwd: appDir, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve) => child.once('message', (m) => resolve({ child, ...m })));
}

/** In the parent: asks a server forked above to stop and waits for it to exit. */
const stopServer = (server) => new Promise((resolve) => (server.child.once('exit', resolve), server.child.send('stop')));

/** A process's resident memory in bytes (VmRSS, or VmHWM: its peak so far). */
function memoryOf(pid, field = 'VmRSS') {
  const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+) kB`));
  return m ? Number(m[1]) * 1024 : 0;
}

const residentMB = (pid) => Math.round(memoryOf(pid) / 1024 / 1024);

module.exports = { appDir, bootStrapi, serveUntilStopped, forkServer, stopServer, memoryOf, residentMB };
