import { ReviewError } from '../services/review';

/** What the admin handlers use of Strapi's Koa context. */
export interface Ctx {
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  body: unknown;
  status: number;
}

/** Answers a refusal as Strapi's admin errors look: `{ data: null, error: { status, name, message } }`. */
export function refuse(ctx: Ctx, status: number, message: string): void {
  const names: Record<number, string> = { 400: 'ValidationError', 403: 'ForbiddenError', 404: 'NotFoundError', 409: 'ConflictError' };
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: names[status] ?? 'ApplicationError', message, details: {} } };
}

/** Runs a handler, turning a ReviewError (a refusal with its status) into its answer. */
export async function guarded(ctx: Ctx, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof ReviewError) return refuse(ctx, error.status, error.message);
    throw error;
  }
}
