import { InvalidKeyError } from '../core/storage.js';

/** S3 allows 1024 bytes; we stay well below so local paths never hit PATH_MAX either. */
export const MAX_KEY_LENGTH = 512;
const MAX_SEGMENT_LENGTH = 128;
/**
 * One path segment: letters, digits and a few punctuation marks, never starting with '.'.
 * Dot-files are reserved for the local backend's temp and lock files, so they can never collide
 * with a stored key and never show up in a listing.
 */
const SEGMENT_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._=@+-]*$/;

function checkSegments(key: string, segments: string[]): void {
  for (const segment of segments) {
    if (segment === '') throw new InvalidKeyError(key, 'empty path segment');
    if (segment === '.' || segment === '..') throw new InvalidKeyError(key, 'relative path segment');
    if (segment.length > MAX_SEGMENT_LENGTH) throw new InvalidKeyError(key, 'path segment too long');
    if (!SEGMENT_PATTERN.test(segment)) throw new InvalidKeyError(key, 'unsupported character');
  }
}

function checkCommon(key: string): void {
  if (typeof key !== 'string') throw new InvalidKeyError(String(key), 'not a string');
  if (key.length > MAX_KEY_LENGTH) throw new InvalidKeyError(key, `longer than ${MAX_KEY_LENGTH}`);
  if (key.startsWith('/')) throw new InvalidKeyError(key, 'absolute path');
  if (key.includes('\\')) throw new InvalidKeyError(key, 'backslash');
}

/** The single gate every backend calls before touching a key. Throws InvalidKeyError. */
export function assertValidKey(key: string): void {
  checkCommon(key);
  if (key === '') throw new InvalidKeyError(key, 'empty key');
  if (key.endsWith('/')) throw new InvalidKeyError(key, 'ends with a slash');
  checkSegments(key, key.split('/'));
}

/**
 * A listing prefix: '' (everything), a folder ending in '/', or a partial last segment
 * (e.g. 'users/al'). Every complete segment follows the key rules.
 */
export function assertValidPrefix(prefix: string): void {
  checkCommon(prefix);
  if (prefix === '') return;
  const segments = prefix.split('/');
  const last = segments.pop() ?? '';
  checkSegments(prefix, segments);
  if (last !== '') checkSegments(prefix, [last]);
}

/** One component a key builder inserts (a username, an id): exactly one valid segment. */
export function assertValidSegment(segment: string, what: string): void {
  if (typeof segment !== 'string' || segment.includes('/')) {
    throw new InvalidKeyError(String(segment), `${what} must be a single path segment`);
  }
  checkSegments(segment, [segment]);
}
