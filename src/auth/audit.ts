import type { Logger } from 'pino';
import { z } from 'zod';
import { closeLogger } from '../logging/logger.js';
import { type AuditAction, AuditEvent } from '../shared/api/audit.js';
import type { DocumentStore } from '../storage/documents.js';
import { keys } from '../storage/keys.js';

/** Each user keeps their newest events; the full record is logs/audit.log. */
export const MAX_EVENTS_PER_USER = 200;

const EventsDocument = z.object({ events: z.array(AuditEvent) });

export interface AuditInput {
  action: AuditAction;
  username: string;
  address: string;
  target?: string;
  /** False for events about names that are no user (failed sign-ins): logged to the file only. */
  ownEvent?: boolean;
}

export interface AuditLog {
  record(input: AuditInput): Promise<void>;
  /** The user's own events, newest first. */
  listOwn(username: string): Promise<AuditEvent[]>;
  close(): Promise<void>;
}

/**
 * Security events with user, address and time: one JSON line each in logs/audit.log (rotated,
 * 0600) for the operator, and the user's own in their audit document for Settings. A failing
 * audit write is reported, never fails the request it describes.
 */
export function createAuditLog(deps: {
  documents: DocumentStore;
  file: Logger | null;
  logger: Logger;
  now: () => Date;
}): AuditLog {
  return {
    async record(input) {
      const event: AuditEvent = {
        at: deps.now().toISOString(),
        action: input.action,
        username: input.username,
        address: input.address,
        ...(input.target === undefined ? {} : { target: input.target }),
      };
      deps.file?.info({ audit: event }, input.action);
      if (input.ownEvent === false) return;
      try {
        await deps.documents.updateJson(keys.auditEvents(input.username), EventsDocument, (current) => ({
          events: [event, ...(current?.events ?? [])].slice(0, MAX_EVENTS_PER_USER),
        }));
      } catch (error) {
        deps.logger.warn({ err: error, action: input.action }, 'could not store audit event');
      }
    },
    async listOwn(username) {
      return (await deps.documents.getJson(keys.auditEvents(username), EventsDocument))?.value.events ?? [];
    },
    async close() {
      if (deps.file) await closeLogger(deps.file);
    },
  };
}
