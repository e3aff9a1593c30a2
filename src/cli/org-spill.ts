import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CollectionMetadata } from '../core/snapshot.js';
import type { AccountReportPart, OrgAccountPass, OrgAccountReport } from '../reports/types.js';

/** What `scan --org` keeps in memory of a scanned account: who it is and how its collection went. */
export type SpilledAccount =
  | SpilledScan
  | ({ id: string; name: string; ouPath?: string } & { status: 'failed'; error: string });

/** A scanned account whose report part is in the spill directory. */
export type SpilledScan = { id: string; name: string; ouPath?: string } & {
  status: 'scanned';
  report: { collection: Pick<CollectionMetadata, 'status' | 'regions'> };
};

/**
 * Each scanned account's report part (its findings and collection metadata) written to a private
 * temporary directory as soon as the account is advised, and read back one account at a time by
 * every pass the report renderers make: `scan --org` memory stays flat with the number of accounts.
 */
export class OrgAccountSpill {
  /** The private directory holding the accounts' files. */
  private constructor(readonly dir: string) {}

  static async open(): Promise<OrgAccountSpill> {
    // mkdtemp creates the directory readable by this user only (0700).
    return new OrgAccountSpill(await mkdtemp(join(tmpdir(), 'again-console-org-')));
  }

  private fileOf(accountId: string): string {
    return join(this.dir, `${accountId}.json`);
  }

  /** Writes the account's part and returns the entry kept in memory in its place. */
  async keep(
    account: { id: string; name: string; ouPath?: string },
    part: AccountReportPart,
  ): Promise<SpilledScan> {
    await writeFile(this.fileOf(account.id), JSON.stringify(part), { mode: 0o600 });
    const { status, regions } = part.collection;
    return { ...account, status: 'scanned', report: { collection: { status, regions } } };
  }

  /** A pass over `accounts` in order, each scanned account's part read back when the pass reaches it. */
  passes(accounts: readonly SpilledAccount[]): OrgAccountPass {
    const fileOf = (id: string) => this.fileOf(id);
    return async function* (): AsyncGenerator<OrgAccountReport> {
      for (const account of accounts) {
        if (account.status === 'failed') {
          yield account;
          continue;
        }
        const report = JSON.parse(await readFile(fileOf(account.id), 'utf8')) as AccountReportPart;
        yield {
          id: account.id,
          name: account.name,
          ...(account.ouPath ? { ouPath: account.ouPath } : {}),
          status: 'scanned',
          report,
        };
      }
    };
  }

  /** Removes the directory and every account's file. */
  async close(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
