import { z } from 'zod';

/**
 * Imported first by main.tsx, before any schema is built: zod otherwise probes `new Function` to
 * decide on compiled parsers, which the strict CSP (no 'unsafe-eval') reports on every page load.
 */
z.config({ jitless: true });
