import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { contentApiMayPublish, principalOf, restrictedFieldsOf, type Principal, type RequestStateLike, type WriteRight } from '../utils/rights';

/** An admin user's or admin token's CASL ability, as Strapi's auth puts it on the request. */
export type Ability = object;

/** Who is acting now, and (in the admin) with which permissions. */
export interface Actor {
  principal: Principal;
  ability?: Ability;
}

/** A version of a document as the permission checker needs it: its locale and creator. */
export interface VersionSubject {
  id?: number | string;
  locale?: string | null;
  createdBy?: { id: number | string } | null;
  [field: string]: unknown;
}

/** The content manager's per-request permission checker (the part used here). */
interface PermissionChecker {
  can: Record<'publish' | 'read', (entity?: VersionSubject) => boolean>;
}

interface AdminUserRow {
  id: number | string;
  isActive?: boolean;
  blocked?: boolean;
}

interface TokenRow {
  id: number;
  kind?: string | null;
  type?: string;
  expiresAt?: string | Date | null;
  adminPermissions?: object[];
  adminUserOwner?: { id: number | string } | null;
}

/** A version as the preview needs it. */
export interface PreviewVersion extends VersionSubject {
  documentId: string;
  slug?: string | null;
  locale?: string | null;
}

const expired = (t: TokenRow, now: Date) => t.expiresAt !== null && t.expiresAt !== undefined && new Date(t.expiresAt) < now;

/**
 * Publishing rights of the acting user, checked with Strapi's own permission engine: the admin's
 * `plugin::content-manager.explorer.publish` (and `.read`) on the content type, with their
 * locale and conditions (such as admin::is-creator) evaluated on the very version acted on.
 */
export const rights = ({ strapi }: { strapi: Core.Strapi }) => {
  const checker = (ability: Ability, uid: string): PermissionChecker =>
    strapi.plugin('content-manager').service('permission-checker').create({ userAbility: ability, model: uid });

  const adminMay = (actor: Actor, action: 'publish' | 'read', uid: string, entity: VersionSubject) =>
    actor.ability !== undefined && checker(actor.ability, uid).can[action](entity);

  /** The ability an admin user has now (active, not blocked), or a reason why none. */
  async function userAbility(id: string): Promise<Ability | string> {
    const user = (await strapi.db.query('admin::user').findOne({ where: { id }, populate: ['roles'] })) as AdminUserRow | null;
    if (!user) return `tài khoản quản trị #${id} không còn`;
    if (user.isActive !== true || user.blocked === true) return `tài khoản quản trị #${id} đã bị khóa`;
    return strapi.service('admin::permission').engine.generateUserAbility(user);
  }

  return {
    /** The actor of the current request, or `system` outside any request (cron, scripts, imports). */
    currentActor(): Actor {
      const ctx = strapi.requestContext.get() as { state?: RequestStateLike & { userAbility?: Ability } } | undefined;
      if (!ctx) return { principal: { kind: 'system' } };
      return { principal: principalOf(ctx.state), ability: ctx.state?.userAbility };
    },

    /** Whether the actor may publish or unpublish this version (its uid, locale and creator). */
    mayPublish(actor: Actor, uid: string, entity: VersionSubject): boolean {
      const { principal } = actor;
      if (principal.kind === 'admin' || principal.kind === 'admin-token') return adminMay(actor, 'publish', uid, entity);
      return contentApiMayPublish(principal);
    },

    /** Whether the actor may read this version in the admin (a content-API reader never reads drafts here). */
    mayRead(actor: Actor, uid: string, entity: VersionSubject): boolean {
      const { principal } = actor;
      if (principal.kind === 'admin' || principal.kind === 'admin-token') return adminMay(actor, 'read', uid, entity);
      return contentApiMayPublish(principal);
    },

    /** Fields of a content type only publishers or the importer may change (from its schema). */
    restrictedFields(uid: string): Record<string, WriteRight> {
      const model = strapi.contentTypes[uid as UID.ContentType];
      return model ? restrictedFieldsOf(model.attributes as Record<string, object>) : {};
    },

    /**
     * The version the admin preview asks for (draft or published, in a locale), with its slug, or
     * null when there is none; a 403 (PolicyError, so the message reaches the admin) when the
     * current user may not read it. Strapi's preview route only checks that someone is signed in.
     */
    async previewVersion(uid: string, params: { documentId?: string; locale?: string | null; status?: string }): Promise<PreviewVersion | null> {
      const version = (await strapi.db.query(uid as UID.ContentType).findOne({
        where: {
          documentId: params.documentId,
          locale: params.locale || (await strapi.plugin('i18n').service('locales').getDefaultLocale()),
          publishedAt: params.status === 'published' ? { $notNull: true } : null,
        },
        select: ['documentId', 'slug', 'locale'],
        populate: { createdBy: { select: ['id'] } },
      })) as PreviewVersion | null;
      if (version && !this.mayRead(this.currentActor(), uid, version)) {
        throw new errors.PolicyError('Bạn không có quyền xem trước nội dung này.', { policy: 'preview-readers' });
      }
      return version;
    },

    /**
     * Whether a principal recorded earlier (who set a schedule) may publish this version now,
     * rebuilding its permissions from the database: null when it may, else the reason in Vietnamese.
     */
    async principalMayPublishNow(principal: { kind: string; id: string | null }, uid: string, entity: VersionSubject, now: Date): Promise<string | null> {
      const { kind, id } = principal;
      if (kind === 'system') return null;
      if (!id) return 'không rõ ai đặt lịch';
      let ability: Ability | string;
      if (kind === 'admin') {
        ability = await userAbility(id);
      } else if (kind === 'admin-token' || kind === 'api-token') {
        const token = (await strapi.db.query('admin::api-token').findOne({
          where: { id },
          select: ['id', 'kind', 'type', 'expiresAt'],
          populate: kind === 'admin-token' ? ['adminPermissions', 'adminUserOwner'] : [],
        })) as TokenRow | null;
        if (!token) return `khóa API #${id} đã bị xóa`;
        if (expired(token, now)) return `khóa API #${id} đã hết hạn`;
        if (kind === 'api-token') return token.type === 'full-access' ? null : `khóa API #${id} không còn toàn quyền`;
        if (!token.adminUserOwner) return `khóa API quản trị #${id} không còn chủ`;
        const owner = await userAbility(String(token.adminUserOwner.id));
        if (typeof owner === 'string') return owner;
        const user = await strapi.db.query('admin::user').findOne({ where: { id: token.adminUserOwner.id }, populate: ['roles'] });
        ability = await strapi.service('admin::permission').engine.generateTokenAbility(token.adminPermissions ?? [], user);
      } else {
        return 'tài khoản website không có quyền xuất bản';
      }
      if (typeof ability === 'string') return ability;
      return checker(ability, uid).can.publish(entity) ? null : 'người đặt lịch không còn quyền xuất bản ngôn ngữ này';
    },
  };
};

export type Rights = ReturnType<typeof rights>;
