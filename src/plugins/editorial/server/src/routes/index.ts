import { READ_ACTION } from '../bootstrap';

const signedIn = { policies: ['admin::isAuthenticatedAdmin'] };
const adminOnly = { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [READ_ACTION] } }] };

/**
 * The admin's Settings → "Nhật ký hoạt động": reads only, no route edits or deletes an entry (the
 * retention purge is the only delete, and it is logged). Review stages: any signed-in
 * administrator reaches the controller, which checks the read permission of the content type
 * named with the permission engine (content history the same, and update for a restore) (it depends on the uid, which a route policy does not see).
 * No content-API routes.
 */
export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/audit-log', handler: 'auditLog.find', config: adminOnly },
      { method: 'GET', path: '/audit-log/export.csv', handler: 'auditLog.exportCsv', config: adminOnly },
      { method: 'GET', path: '/stages/:uid/:documentId', handler: 'review.find', config: signedIn },
      { method: 'POST', path: '/stages/:uid/:documentId', handler: 'review.change', config: signedIn },
      { method: 'GET', path: '/queue', handler: 'review.queue', config: signedIn },
      { method: 'GET', path: '/config', handler: 'review.config', config: signedIn },
      // Content history: read permission on the type to read, update permission on the draft to restore.
      { method: 'GET', path: '/history/:uid/:documentId', handler: 'history.list', config: signedIn },
      { method: 'GET', path: '/history/:uid/:documentId/:versionId', handler: 'history.find', config: signedIn },
      { method: 'POST', path: '/history/:uid/:documentId/:versionId/restore', handler: 'history.restore', config: signedIn },
    ],
  },
};
