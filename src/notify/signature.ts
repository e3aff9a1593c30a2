import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signing (README "Verifying webhook signatures"): the receiver recomputes
 * HMAC-SHA256(secret, `${timestamp}.${rawBody}`) and compares it with X-Again-Signature
 * ("v1=<hex>") in constant time, and refuses timestamps older than five minutes (replay).
 */
export const SIGNATURE_HEADER = 'x-again-signature';
export const TIMESTAMP_HEADER = 'x-again-timestamp';
export const MAX_SIGNATURE_AGE_SECONDS = 300;

export function signWebhookBody(secret: string, timestampSeconds: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex')}`;
}

/** The receiver's side, exported so the recipe is tested as documented. */
export function verifyWebhookSignature(
  secret: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  body: string,
  nowSeconds: number,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(timestamp)) return false;
  if (Math.abs(nowSeconds - timestamp) > MAX_SIGNATURE_AGE_SECONDS) return false;
  const expected = Buffer.from(signWebhookBody(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
