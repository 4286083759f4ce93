import { isObject, text, type Actor, type Json } from './types';

export const SYSTEM: Actor = { type: 'system', id: null, name: null };
export const ANONYMOUS: Actor = { type: 'anonymous', id: null, name: null };

/** "Firstname Lastname", else the username, else the e-mail: what the admin shows for a user. */
export function displayName(user: Json): string | null {
  const full = [text(user.firstname), text(user.lastname)].filter(Boolean).join(' ').trim();
  return full || text(user.username) || text(user.email);
}

/**
 * The actor of a request from its Koa state (`ctx.state`): Strapi's auth sets `state.auth` with the
 * strategy that accepted the request, and the admin strategies set `state.user`. A request no
 * strategy accepted (a login, a public read) is anonymous.
 */
export function actorFromState(state: unknown): Actor {
  if (!isObject(state)) return ANONYMOUS;
  const auth = isObject(state.auth) ? state.auth : null;
  const strategy = auth && isObject(auth.strategy) ? text(auth.strategy.name) : null;
  const credentials = auth && isObject(auth.credentials) ? auth.credentials : null;
  // Content API tokens ("content-api-token") and 5.54's admin tokens ("admin-token"): the token
  // acts, named as the admin named it (an admin token also sets state.user to its owner).
  if (strategy && strategy.endsWith('-token') && credentials) return { type: 'api-token', id: text(credentials.id), name: text(credentials.name) };
  if (strategy === 'users-permissions' && credentials) return { type: 'user', id: text(credentials.id), name: text(credentials.username) ?? text(credentials.email) };
  const user = isObject(state.user) ? state.user : null;
  if (user && (strategy === 'admin' || strategy === null)) return { type: 'admin', id: text(user.id), name: displayName(user) };
  return ANONYMOUS;
}

/** The one column the `actor` filter and its index use: "admin:5", "api-token:2", "system:scheduler", "anonymous". */
export function actorKey(actor: Actor): string {
  if (actor.type === 'system') return actor.name ? `system:${actor.name}` : 'system';
  if (actor.type === 'anonymous') return 'anonymous';
  return `${actor.type}:${actor.id ?? ''}`;
}
