import type { PriceBook } from '../core/prices.js';
import { embeddedPriceBook } from '../pricing/embedded.js';

type CreatePriceBook = (options?: { live?: boolean }) => Promise<PriceBook>;

/**
 * Local adapter to the pricing engineer's `createPriceBook` (src/pricing/index.ts, declared in the
 * team contract). Until that module exists the embedded dated table is used. The module is looked
 * up at run time so this file compiles either way.
 */
async function loadPriceBook(): Promise<PriceBook> {
  const specifier = '../pricing/index.js';
  try {
    const mod = (await import(specifier)) as { createPriceBook?: unknown };
    if (typeof mod.createPriceBook === 'function') return await (mod.createPriceBook as CreatePriceBook)();
  } catch {
    // Not there yet, or the live API failed to initialise: the embedded table always answers.
  }
  return embeddedPriceBook();
}

let cached: Promise<PriceBook> | undefined;

/** One PriceBook per process: building it may ask the Price List API, which is slow and rate-limited. */
export function processPriceBook(): Promise<PriceBook> {
  cached ??= loadPriceBook();
  return cached;
}
