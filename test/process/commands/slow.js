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
    /** Queues an image job that never settles: the queue's stop waits for its running job. */
    async hangImageQueue() {
      const queued = strapi.plugin('image-pipeline').service('queue').add('never-ending', () => new Promise(() => undefined));
      return { queued };
    },
  };
};
