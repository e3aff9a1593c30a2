import type { Logger } from 'pino';
import type { Logger as DomainLog } from '../collections/types.js';

export type AppLogger = Logger;

/**
 * The domain services' narrow log function over a pino child logger: the child carries the
 * component (and, per job, the job id and user), so domain code stays free of pino.
 */
export function domainLog(logger: Logger, bindings: Record<string, unknown>): DomainLog {
  const child = logger.child(bindings);
  return (level, message, fields) => child[level](fields ?? {}, message);
}
