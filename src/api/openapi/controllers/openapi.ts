import fs from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { documentAccess } from '../../../documentation/access';

type Session = { documentation?: { logged?: boolean } } | null | undefined;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async document(ctx: Context) {
    const plugin = strapi.plugin('documentation');
    const stored = plugin
      ? ((await strapi.store({ type: 'plugin', name: 'documentation' }).get({ key: 'config' })) as { restrictedAccess?: boolean } | null)
      : null;
    const access = documentAccess({
      enabled: Boolean(plugin),
      restrictedAccess: stored?.restrictedAccess === true,
      loggedIn: (ctx.session as Session)?.documentation?.logged === true,
    });
    if (access === 'absent') throw new errors.NotFoundError('Tài liệu API không được bật trên máy chủ này.');
    if (access === 'login') throw new errors.UnauthorizedError('Cần đăng nhập trang tài liệu (/documentation/login) để đọc tài liệu API.');
    const service = plugin.service('documentation');
    const file = path.join(service.getFullDocumentationPath(), service.getDocumentationVersion(), 'full_documentation.json');
    ctx.type = 'application/json; charset=utf-8';
    // A session's answer is never stored by shared caches.
    if (stored?.restrictedAccess) ctx.set('Cache-Control', 'private, no-store');
    ctx.body = await fs.readFile(file, 'utf8');
  },
});
