// GET /api/openapi.json: the whole OpenAPI document, for tools (Redocly, openapi-typescript) that
// cannot read it out of the Swagger page. Access as the documentation's (src/documentation/access.ts).
export default {
  routes: [
    {
      method: 'GET',
      path: '/openapi.json',
      handler: 'openapi.document',
      config: { auth: false },
    },
  ],
};
