/** Who did something: an admin user, an API token, a website account, nobody signed in, or the server itself. */
export type ActorType = 'admin' | 'api-token' | 'user' | 'anonymous' | 'system';

export interface Actor {
  type: ActorType;
  /** The user's or token's id; for `system`, null. */
  id: string | null;
  /** As it was at the time (a renamed user keeps the old name in old entries); for `system`, the job ("scheduler"). */
  name: string | null;
}

/** What was acted on, as it was at the time. */
export interface Target {
  uid: string | null;
  documentId: string | null;
  locale: string | null;
  title: string | null;
}

/** What a signal hands the log: the rest (time, actor, IP) is filled in by the service. */
export interface EntryInput {
  action: string;
  target?: Partial<Target>;
  details?: Record<string, unknown> | null;
}

/** One entry as the admin API returns it. */
export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  actor: Actor;
  ip: string | null;
  target: Target;
  details: Record<string, unknown> | null;
}

/** A plain object, for reading payloads whose shape Strapi does not type. */
export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string, or a number as a string (ids are numbers on SQLite, sometimes strings on PostgreSQL). */
export const text = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
