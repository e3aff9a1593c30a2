import { randomBytes } from 'node:crypto';

/**
 * Collection ids sort by creation time (lexically) and are valid storage key segments:
 * `20240102T030405Z-1a2b3c4d`.
 */
export function newCollectionId(now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(/[-:]/g, '');
  return `${stamp}-${randomBytes(4).toString('hex')}`;
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/** Ids arrive from URLs: anything else cannot name a collection (answers 404, not 500). */
export function isCollectionId(value: string): boolean {
  return ID_PATTERN.test(value);
}
