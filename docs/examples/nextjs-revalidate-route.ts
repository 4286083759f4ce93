// A Next.js (App Router) route handler receiving this API's revalidation webhooks:
// save as app/api/revalidate/route.ts in the website and set REVALIDATE_WEBHOOK_SECRET there to
// the API's value. test/process/revalidate-webhook.test.ts runs this file against real deliveries.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { revalidatePath, revalidateTag } from 'next/cache';

interface RevalidateEvent {
  id: string;
  event: string;
  paths: string[];
  tags: string[];
}

/** `X-Webhook-Signature` is `sha256=` + the hex HMAC-SHA256 of the raw body: check it before parsing. */
export function verifySignature(rawBody: string, header: string | null, secret: string): boolean {
  if (!header || !secret) return false;
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`);
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// Deliveries are at least once: an event may come again (a retry after a timeout, a restart).
// One process's memory is enough to skip most repeats; revalidating twice is harmless anyway.
const seen = new Set<string>();

export async function POST(request: Request): Promise<Response> {
  const rawBody = await request.text();
  if (!verifySignature(rawBody, request.headers.get('x-webhook-signature'), process.env.REVALIDATE_WEBHOOK_SECRET ?? '')) {
    return Response.json({ error: 'invalid signature' }, { status: 401 });
  }
  const event = JSON.parse(rawBody) as RevalidateEvent;
  if (seen.has(event.id)) return Response.json({ duplicate: true });
  seen.add(event.id);
  if (seen.size > 10_000) seen.clear();
  // Tags: for fetches tagged with the API's Cache-Tag values, e.g. fetch(url, { next: { tags: ['d:<documentId>'] } }).
  for (const tag of event.tags) revalidateTag(tag);
  // Paths: the website pages showing what changed (its page, its sections, home, feeds).
  for (const path of event.paths) revalidatePath(path);
  return Response.json({ revalidated: event.paths.length + event.tags.length });
}
