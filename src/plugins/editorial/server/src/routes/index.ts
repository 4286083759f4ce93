import { READ_ACTION } from '../bootstrap';

const adminOnly = { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [READ_ACTION] } }] };

/**
 * The admin's Settings → "Nhật ký hoạt động". Reads only: no route edits or deletes an entry
 * (the retention purge is the only delete, and it is logged). No content-API routes.
 */
export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/audit-log', handler: 'auditLog.find', config: adminOnly },
      { method: 'GET', path: '/audit-log/export.csv', handler: 'auditLog.exportCsv', config: adminOnly },
    ],
  },
};
