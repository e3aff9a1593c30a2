import { z } from 'zod';

/**
 * Every error response: `code` is stable and translated by the web client (i18n key
 * `errors.<code>`); `message` is English fallback text. Never a stack trace.
 */
export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** Field-level problems for form validation. */
    fields: z.record(z.string(), z.string()).optional(),
    /** Seconds until a throttled request may be retried. */
    retryAfterSeconds: z.number().optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

/** Header the web client sends on every state-changing request. */
export const CSRF_HEADER = 'x-csrf-token';
