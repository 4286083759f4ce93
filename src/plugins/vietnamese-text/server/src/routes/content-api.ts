export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      // At /api/search rather than under the plugin's name: it is the site's search.
      path: '/search',
      handler: 'search.find',
      config: { prefix: '' },
    },
  ],
};
