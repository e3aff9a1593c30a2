/**
 * An organization refresh as a job (`org-refreshes` queue: in-process, or BullMQ in Redis mode):
 * discovery plus one member-role check per account takes tens of seconds for hundreds of accounts,
 * so the request only records the refresh as running and queues it. The state, progress and the
 * last error live in `users/{u}/orgs/{connectionId}/refresh.json`; one refresh runs at a time per
 * connection (a second request joins the running one).
 */
import { DomainError } from '../core/errors.js';
import { DuplicateJobError, type JobContext, type JobQueue } from '../jobs/queue.js';
import { OrgRefresh, type RefreshProgress } from '../shared/api/orgs.js';
import type { DocumentStore } from '../storage/documents.js';
import { keys } from '../storage/keys.js';
import type { OrgService } from './service.js';

export const ORG_REFRESH_JOB = 'org-refresh';
export const ORG_REFRESH_QUEUE = 'org-refreshes';
/** A throwing refresh (not a refusal by AWS, which is its answer) is tried once more. */
export const ORG_REFRESH_RETRY = { attempts: 2, backoffMs: 2_000 };
/** Progress is written at most this often (a check finishes every few milliseconds). */
const PROGRESS_EVERY_MS = 500;
/** A running refresh with no job behind it that has not moved for this long was cut off. */
const STALE_AFTER_MS = 30_000;

export interface OrgRefreshPayload {
  username: string;
  connectionId: string;
}

export const orgRefreshJobId = (username: string, connectionId: string) =>
  `org-refresh/${username}/${connectionId}`;

const NO_PROGRESS: RefreshProgress = { accountsDiscovered: 0, rolesChecked: 0, rolesToCheck: 0 };

export interface OrgRefreshDeps {
  documents: Pick<DocumentStore, 'getJson' | 'putJson' | 'updateJson'>;
  orgs: Pick<OrgService, 'refresh'>;
  /** not_found for another user's connection, not_an_organization for a single account. */
  requireOrganization: (username: string, connectionId: string) => Promise<void>;
  queue: JobQueue;
  now: () => Date;
  log: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}

export type OrgRefreshService = ReturnType<typeof createOrgRefreshService>;

export function createOrgRefreshService(deps: OrgRefreshDeps) {
  const { now, log } = deps;
  const key = keys.orgRefresh;

  const write = (username: string, connectionId: string, fn: (current: OrgRefresh | null) => OrgRefresh) =>
    deps.documents.updateJson(key(username, connectionId), OrgRefresh, fn);

  async function enqueue(username: string, connectionId: string): Promise<void> {
    await deps.queue
      .enqueue<OrgRefreshPayload>({
        id: orgRefreshJobId(username, connectionId),
        type: ORG_REFRESH_JOB,
        payload: { username, connectionId },
      })
      .catch((error: unknown) => {
        if (!(error instanceof DuplicateJobError)) throw error;
      });
  }

  /** A running refresh whose job is gone (its process died) and that stopped moving is failed. */
  async function isCutOff(username: string, connectionId: string, refresh: OrgRefresh): Promise<boolean> {
    if (refresh.state !== 'running') return false;
    if (now().getTime() - Date.parse(refresh.updatedAt) < STALE_AFTER_MS) return false;
    return (await deps.queue.state(orgRefreshJobId(username, connectionId))) === undefined;
  }

  async function status(username: string, connectionId: string): Promise<OrgRefresh | null> {
    const refresh = (await deps.documents.getJson(key(username, connectionId), OrgRefresh))?.value ?? null;
    if (!refresh || !(await isCutOff(username, connectionId, refresh))) return refresh;
    return {
      ...refresh,
      state: 'failed',
      error: {
        code: 'refresh_interrupted',
        message: 'The refresh stopped before it finished: start it again',
      },
    };
  }

  return {
    status,

    /** 202: records the refresh as running and queues it, or joins the one already running. */
    async request(username: string, connectionId: string): Promise<OrgRefresh> {
      await deps.requireOrganization(username, connectionId);
      const current = await status(username, connectionId);
      if (current?.state === 'running') return current;
      const at = now().toISOString();
      const started = await write(username, connectionId, (prev) =>
        prev?.state === 'running' && prev.updatedAt !== current?.updatedAt
          ? prev // another request started one meanwhile: join it
          : { state: 'running', startedAt: at, updatedAt: at, progress: NO_PROGRESS },
      );
      await enqueue(username, connectionId);
      log('info', 'organization refresh queued', { connectionId });
      return started;
    },

    /** The `org-refresh` job handler (registered where a worker runs). */
    async handle(payload: OrgRefreshPayload, ctx: JobContext): Promise<void> {
      const { username, connectionId } = payload;
      let progress = NO_PROGRESS;
      let lastWrite = 0;
      let writing: Promise<unknown> = Promise.resolve();
      const save = (fn: (current: OrgRefresh) => OrgRefresh) => {
        writing = writing
          .then(() => write(username, connectionId, (prev) => fn(prev ?? runningSince(now()))))
          .catch((error: unknown) =>
            log('warn', 'could not record refresh progress', { error: String(error) }),
          );
        return writing;
      };
      const started = Date.now();
      try {
        const directory = await deps.orgs.refresh(username, connectionId, (next) => {
          progress = next;
          if (Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
          lastWrite = Date.now();
          void save((prev) => ({ ...prev, updatedAt: now().toISOString(), progress }));
        });
        const done = progressOf(directory.accounts.length, progress);
        await writing;
        await save((prev) => finished(prev, now(), done));
        log('info', 'organization refreshed', {
          connectionId,
          accounts: directory.accounts.length,
          ms: Date.now() - started,
        });
      } catch (error) {
        // AWS's refusals (not in an organization, access denied) are the answer, not a fault.
        if (!(error instanceof DomainError) && !ctx.finalAttempt && !ctx.signal.aborted) throw error;
        const failure =
          error instanceof DomainError
            ? { code: error.code, message: error.message.slice(0, 500) }
            : {
                code: 'refresh_failed',
                message: String(error instanceof Error ? error.message : error).slice(0, 500),
              };
        await writing;
        await save((prev) => ({ ...finished(prev, now(), progress), state: 'failed', error: failure }));
        log('warn', 'organization refresh failed', { connectionId, code: failure.code });
      }
    },
  };
}

const runningSince = (at: Date): OrgRefresh => ({
  state: 'running',
  startedAt: at.toISOString(),
  updatedAt: at.toISOString(),
  progress: NO_PROGRESS,
});

function finished(prev: OrgRefresh, at: Date, progress: RefreshProgress): OrgRefresh {
  const { error: _e, ...rest } = prev;
  return { ...rest, state: 'completed', updatedAt: at.toISOString(), finishedAt: at.toISOString(), progress };
}

function progressOf(accounts: number, last: RefreshProgress): RefreshProgress {
  return { accountsDiscovered: accounts, rolesChecked: last.rolesToCheck, rolesToCheck: last.rolesToCheck };
}
