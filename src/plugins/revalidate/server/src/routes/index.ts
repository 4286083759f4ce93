import { READ_ACTION } from '../bootstrap';

const adminOnly = { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [READ_ACTION] } }] };

/** The admin's Settings → "Làm mới trang web": receivers and deliveries, and a test send. */
export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/deliveries', handler: 'deliveries.overview', config: adminOnly },
      { method: 'POST', path: '/test', handler: 'deliveries.test', config: adminOnly },
    ],
  },
};
