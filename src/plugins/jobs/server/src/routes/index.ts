import { READ_ACTION } from '../bootstrap';

const adminOnly = { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [READ_ACTION] } }] };

/** Administrators only (admin JWT and the permission); no content-API route names jobs. */
export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/jobs', handler: 'jobs.list', config: adminOnly },
      { method: 'POST', path: '/jobs/:id/retry', handler: 'jobs.retry', config: adminOnly },
    ],
  },
};
