import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ServiceIdSchema } from '../shared/api/collections.js';
import { ScanAccount, ScanTarget } from '../shared/api/scans.js';
import type { DocumentStore } from '../storage/documents.js';
import { keys } from '../storage/keys.js';

/** The part of DocumentStore the scans use. */
export type ScanDocuments = Pick<
  DocumentStore,
  'getJson' | 'createJson' | 'updateJson' | 'putJson' | 'delete' | 'list'
>;

/** users/{username}/scans/{scanId}.json — its status and totals are derived from the rows. */
export const StoredScanSchema = z.object({
  scanId: z.string(),
  username: z.string(),
  requestedAt: z.string(),
  finishedAt: z.string().optional(),
  cancelledAt: z.string().optional(),
  connectionId: z.string(),
  connectionName: z.string().optional(),
  /** The connection's own account: its run goes without a member-role hop. */
  connectionAccountId: z.string(),
  target: ScanTarget,
  targetPath: z.string().optional(),
  services: z.array(ServiceIdSchema),
  regions: z.union([z.literal('all-enabled'), z.array(z.string())]),
  accounts: z.array(ScanAccount),
  /** Accounts whose run is being started and whose run id is not recorded yet (src/scans/start-job.ts). */
  claims: z.array(z.string()).optional(),
  /** When a read last caught up running rows on their runs, and where the next one goes on. */
  reconciledAt: z.string().optional(),
  reconcileCursor: z.number().int().nonnegative().optional(),
});
export type StoredScan = z.infer<typeof StoredScanSchema>;

/** `20240102T030405123Z-1a2b3c4d`: sorts by creation time to the millisecond, a valid key segment. */
export function newScanId(now: Date): string {
  const stamp = now.toISOString().replaceAll(/[-:.]/g, '');
  return `${stamp}-${randomBytes(4).toString('hex')}`;
}
const SCAN_ID = /^\d{8}T\d{9}Z-[0-9a-f]{8}$/;
export const isScanId = (id: string) => SCAN_ID.test(id);

class NoChange extends Error {}

export class ScanStore {
  constructor(private readonly docs: ScanDocuments) {}

  async create(scan: StoredScan): Promise<void> {
    await this.docs.createJson(keys.scanRecord(scan.username, scan.scanId), scan);
  }

  async get(username: string, scanId: string): Promise<StoredScan | null> {
    // Ids arrive from URLs: a malformed one cannot exist ("not found", never a 500).
    if (!isScanId(scanId)) return null;
    return (await this.docs.getJson(keys.scanRecord(username, scanId), StoredScanSchema))?.value ?? null;
  }

  /** Compare-and-swap (many runs of one scan finish at once); `fn` returns null to leave it as is. */
  async update(
    username: string,
    scanId: string,
    fn: (current: StoredScan) => StoredScan | null,
  ): Promise<StoredScan | null> {
    if (!isScanId(scanId)) return null;
    let unchanged: StoredScan | null = null;
    try {
      return await this.docs.updateJson(keys.scanRecord(username, scanId), StoredScanSchema, (current) => {
        const next = current ? fn(current) : null;
        if (next === null) {
          unchanged = current;
          throw new NoChange();
        }
        return next;
      });
    } catch (error) {
      if (error instanceof NoChange) return unchanged;
      throw error;
    }
  }

  /** Marks a scan whose fan-out job has not finished: start-up recovery lists these only. */
  async markStarting(username: string, scanId: string): Promise<void> {
    await this.docs.putJson(keys.scanStart(username, scanId), { username, scanId });
  }

  async unmarkStarting(username: string, scanId: string): Promise<void> {
    await this.docs.delete(keys.scanStart(username, scanId));
  }

  /** Every scan whose fan-out was started and not finished, of every user (one list). */
  async starting(): Promise<{ username: string; scanId: string }[]> {
    const prefix = keys.scanStartsPrefix();
    return (await this.docs.list(prefix)).flatMap((key) => {
      const [username, file] = key.slice(prefix.length).split('/');
      const scanId = file?.replace(/\.json$/, '') ?? '';
      return username && isScanId(scanId) ? [{ username, scanId }] : [];
    });
  }

  /** Every scan id of the user, newest first (keys only: no document is read). */
  async ids(username: string): Promise<string[]> {
    const prefix = keys.scansPrefix(username);
    return (await this.docs.list(prefix))
      .map((key) => key.slice(prefix.length).replace(/\.json$/, ''))
      .filter(isScanId)
      .sort()
      .reverse();
  }
}
