export default {
  type: 'content-api',
  routes: [] as unknown[],
};
