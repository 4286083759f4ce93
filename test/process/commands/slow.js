// Commands for an app child (test/helpers/app-child.js) in the graceful-shutdown test: a test-only
// slow route, so a request is surely in flight when the signal comes, and background work that
// never ends, so the deadline is reached.
module.exports = (strapi) => {
  let arrived;
  const slowArrived = new Promise((resolve) => (arrived = resolve));
  // Appended after the app's middlewares (the draining guard runs first), before the router.
  strapi.server.use(async (ctx, next) => {
    if (ctx.path !== '/__test/slow') return next();
    arrived();
    await new Promise((r) => setTimeout(r, Number(ctx.query.ms ?? 1000)));
    ctx.body = { done: true };
  });
  return {
    /** Answers once a request to /__test/slow has reached the app. */
    async slowArrived() {
      await slowArrived;
      return {};
    },
    /**
     * Queues a background job that never settles (and ignores its stop signal): the worker's stop
     * waits for it. Answers once it runs.
     */
    async hangBackgroundJob() {
      const worker = strapi.plugin('jobs').service('worker');
      worker.register('test-never-ending', () => new Promise(() => undefined));
      await worker.enqueue('test-never-ending', 'only');
      while (worker.size() === 0) await new Promise((r) => setTimeout(r, 20));
      return { running: worker.size() };
    },
  };
};
