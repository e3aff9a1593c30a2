import { z } from 'zod';
import type { AdvisorRunServiceDocument } from '../core/findings.js';
import type { ServiceId } from '../core/services.js';
import { PreconditionFailedError, type PutOptions } from '../core/storage.js';
import { AdvisorRunStatusSchema, FindingSchema, SettingValueSchema } from '../shared/api/advisor.js';
import { ServiceIdSchema } from '../shared/api/collections.js';
import { CoverageIndex } from '../storage/coverage-index.js';
import { keys, timestampSegment } from '../storage/keys.js';

/** The part of DocumentStore (src/storage/documents.ts) the advisor uses. */
export interface AdvisorDocuments {
  getJson<T>(key: string, schema: z.ZodType<T>): Promise<{ value: T; etag: string } | null>;
  /** A big mutable document, parsed once per stored version (DocumentStore.getJsonFresh). */
  getJsonFresh<T>(key: string, schema: z.ZodType<T>): Promise<{ value: T; etag: string } | null>;
  putJson(key: string, value: unknown, options?: PutOptions): Promise<{ etag: string }>;
  createJson(key: string, value: unknown): Promise<{ etag: string }>;
  updateJson<T>(key: string, schema: z.ZodType<T>, fn: (current: T | null) => T): Promise<T>;
  list(prefix: string): Promise<string[]>;
  delete(key: string): Promise<void>;
}

/** users/{username}/advisor/runs/{runId}.json — the run's state; its findings live in the history files. */
export const StoredRunSchema = z.object({
  runId: z.string(),
  username: z.string(),
  status: AdvisorRunStatusSchema,
  requestedAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  failureReason: z.string().optional(),
  services: z.array(ServiceIdSchema),
  regions: z.array(z.string()),
  requestedRegions: z.union([z.literal('all-enabled'), z.array(z.string())]).optional(),
  connectionId: z.string(),
  connectionName: z.string().optional(),
  accountId: z.string().optional(),
  collectionId: z.string().optional(),
  reusedCollection: z.boolean(),
  /** The scan (src/scans) this run is one account of. */
  scanId: z.string().optional(),
});
export type StoredRun = z.infer<typeof StoredRunSchema>;

export const RunServiceDocumentSchema: z.ZodType<AdvisorRunServiceDocument> = z.object({
  runId: z.string(),
  username: z.string(),
  service: ServiceIdSchema,
  timestamp: z.string(),
  collectionId: z.string(),
  connectionId: z.string(),
  accountId: z.string().optional(),
  regions: z.array(z.string()),
  findings: z.array(FindingSchema),
  checks: z.array(z.object({ id: z.string(), settings: z.record(z.string(), SettingValueSchema) })),
});

/** A run id is its start time as a key segment (2024-05-01T10-00-00.123Z): sortable, one per instant. */
const RUN_ID = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:\.\d{1,9})?Z$/;
export const isRunId = (id: string) => RUN_ID.test(id);

/**
 * Whether two runs are of the same AWS account: the same connection and, when both know it, the same
 * account id — an organization connection's runs are of many accounts (one per member).
 */
export const sameAccountRuns = (
  a: { connectionId: string; accountId?: string | undefined },
  b: { connectionId: string; accountId?: string | undefined },
) => a.connectionId === b.connectionId && (!a.accountId || !b.accountId || a.accountId === b.accountId);
export const runIdOf = (at: Date) => timestampSegment(at);
/** The ISO instant a run id stands for (the history files' timestamp). */
export const runInstant = (runId: string) => runId.replace(/T(\d{2})-(\d{2})-/, 'T$1:$2:');

class NoChange extends Error {}

/** Completed runs whose parsed findings stay in memory (a 20,000-finding run parses in ~0.2 s). */
const PARSED_RUNS_KEPT = 4;

export class AdvisorRunStore {
  /** Parsed history files of the last completed runs read: they are written once, never changed. */
  private readonly parsed = new Map<string, Promise<AdvisorRunServiceDocument[]>>();

  constructor(private readonly docs: AdvisorDocuments) {}

  /**
   * The latest completed run of each connection × service × region of a user, from one index
   * document kept up to date as runs complete or are deleted (what the dashboard, the Spend page
   * and a resource's findings read instead of every run record).
   */
  coverage(username: string): CoverageIndex<StoredRun> {
    return new CoverageIndex(this.docs, {
      key: keys.advisorRunsCoverageIndex(username),
      item: StoredRunSchema,
      idOf: (r) => r.runId,
      groupOf: (r) => `${r.connectionId}\u0000${r.accountId ?? ''}`,
      coverage: (r) => ({ services: r.services, regions: r.regions, at: r.finishedAt ?? r.requestedAt }),
      listAll: async () => (await this.list(username)).filter((r) => r.status === 'completed'),
    });
  }

  /**
   * Create-only. Two runs of one user in the same millisecond would share an id, so the later one
   * moves forward a millisecond until it finds a free id.
   */
  async create(run: Omit<StoredRun, 'runId'>, at: Date): Promise<StoredRun> {
    for (let shift = 0; ; shift++) {
      const runId = runIdOf(new Date(at.getTime() + shift));
      const record: StoredRun = { ...run, runId };
      try {
        await this.docs.createJson(keys.advisorRunRecord(run.username, runId), record);
        if (record.status === 'completed') await this.coverage(run.username).add(record);
        return record;
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || shift > 50) throw error;
      }
    }
  }

  async get(username: string, runId: string): Promise<StoredRun | null> {
    // Ids arrive from URLs: a malformed one cannot exist, so it is "not found", never a 500.
    if (!isRunId(runId)) return null;
    const found = await this.docs.getJson(keys.advisorRunRecord(username, runId), StoredRunSchema);
    return found ? found.value : null;
  }

  /** CAS update; `fn` returns null to leave the record as it is. */
  async update(
    username: string,
    runId: string,
    fn: (current: StoredRun) => StoredRun | null,
  ): Promise<StoredRun | null> {
    let unchanged: StoredRun | null = null;
    const written = await this.docs
      .updateJson(keys.advisorRunRecord(username, runId), StoredRunSchema, (current) => {
        const next = current ? fn(current) : null;
        if (next === null) {
          unchanged = current;
          throw new NoChange();
        }
        return next;
      })
      .catch((error: unknown) => {
        if (error instanceof NoChange) return null;
        throw error;
      });
    // Record first, then the index (see CollectionStore.updateMetadata).
    if (written?.status === 'completed') await this.coverage(username).add(written);
    return written ?? unchanged;
  }

  /** Every run of the user, newest first. */
  async list(username: string): Promise<StoredRun[]> {
    const prefix = keys.advisorRunsPrefix(username);
    const ids = (await this.docs.list(prefix))
      .map((key) => key.slice(prefix.length).replace(/\.json$/, ''))
      .filter(isRunId);
    const runs = await Promise.all(ids.map((id) => this.get(username, id).catch(() => null)));
    return runs
      .filter((r): r is StoredRun => r !== null)
      .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt) || b.runId.localeCompare(a.runId));
  }

  /** All (username, runId) pairs with a record, across users (restart recovery). */
  async listAllRunKeys(): Promise<{ username: string; runId: string }[]> {
    const sample = keys.advisorRunRecord('placeholderuser', '2000-01-01T00-00-00Z');
    const usersPrefix = sample.slice(0, sample.indexOf('placeholderuser'));
    const pattern = /^([^/]+)\/advisor\/runs\/([^/]+)\.json$/;
    const out: { username: string; runId: string }[] = [];
    for (const key of await this.docs.list(usersPrefix)) {
      const m = pattern.exec(key.slice(usersPrefix.length));
      if (m?.[1] && m[2] && isRunId(m[2])) out.push({ username: m[1], runId: m[2] });
    }
    return out;
  }

  /** Create-only: one history file per service of a run, written once. */
  async putServiceDocument(doc: AdvisorRunServiceDocument): Promise<void> {
    await this.docs.createJson(keys.advisorRun(doc.username, doc.service, doc.timestamp), doc);
  }

  /** Concurrent readers of one completed run share one read and parse (the page asks several at once). */
  async getServiceDocuments(run: StoredRun): Promise<AdvisorRunServiceDocument[]> {
    if (run.status !== 'completed') return this.readServiceDocuments(run);
    const memoKey = `${run.username}/${run.runId}`;
    const memo = this.parsed.get(memoKey);
    if (memo) return memo;
    const reading = this.readServiceDocuments(run);
    this.parsed.set(memoKey, reading);
    reading.catch(() => this.parsed.delete(memoKey));
    for (const oldest of this.parsed.keys()) {
      if (this.parsed.size <= PARSED_RUNS_KEPT) break;
      this.parsed.delete(oldest);
    }
    return reading;
  }

  /** One service's history file of a run (the roll-up reads only the service a mute or a saving needs). */
  async getServiceDocument(run: StoredRun, service: ServiceId): Promise<AdvisorRunServiceDocument | null> {
    const found = await this.docs.getJson(
      keys.advisorRun(run.username, service, runInstant(run.runId)),
      RunServiceDocumentSchema,
    );
    return found?.value ?? null;
  }

  private async readServiceDocuments(run: StoredRun): Promise<AdvisorRunServiceDocument[]> {
    const docs = await Promise.all(run.services.map((service) => this.getServiceDocument(run, service)));
    return docs.filter((d): d is AdvisorRunServiceDocument => d !== null);
  }

  /** Record first, so a crash half-way leaves invisible leftovers, never a run with missing files. */
  async delete(run: StoredRun): Promise<void> {
    await this.docs.delete(keys.advisorRunRecord(run.username, run.runId));
    await this.coverage(run.username).rebuild();
    await this.deleteServiceDocuments(run);
  }

  /** The run's history files (missing ones are fine): a cancelled evaluation leaves none behind. */
  async deleteServiceDocuments(run: StoredRun): Promise<void> {
    this.parsed.delete(`${run.username}/${run.runId}`);
    for (const service of run.services) {
      await this.docs.delete(keys.advisorRun(run.username, service, runInstant(run.runId)));
    }
  }
}
