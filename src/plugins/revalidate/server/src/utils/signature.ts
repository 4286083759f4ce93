import { createHmac, timingSafeEqual } from 'node:crypto';

/** `X-Webhook-Signature`: `sha256=` and the hex HMAC-SHA256 of the raw body with the shared secret. */
export const signatureOf = (secret: string, body: string): string => `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;

/** Receivers' check, in constant time (a byte-by-byte compare leaks how much of a guess was right). */
export function verifySignature(secret: string, body: string, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signatureOf(secret, body));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
