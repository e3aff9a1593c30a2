import { OrganizationsClient, type OrganizationsClientConfig } from '@aws-sdk/client-organizations';
import type { ConnectionService, ResolvedCredentials } from '../connections/service.js';
import { DomainError } from '../core/errors.js';
import { OrgDirectory as OrgDirectorySchema, type RefreshProgress } from '../shared/api/orgs.js';
import type { DocumentStore } from '../storage/documents.js';
import { keys } from '../storage/keys.js';
import { discoverOrganization, subtreeOf } from './discovery.js';
import { checkMember, checkMembers, memberCredentials } from './members.js';
import type { OrgAccount, OrgDirectory } from './types.js';

/** Organizations answers in one region per partition. */
const ORGANIZATIONS_REGION: Record<string, string> = {
  aws: 'us-east-1',
  'aws-cn': 'cn-northwest-1',
  'aws-us-gov': 'us-gov-west-1',
};

export interface OrgServiceDeps {
  connections: ConnectionService;
  documents: DocumentStore;
  /** The emulator endpoint in tests. */
  endpoint?: string;
  now?: () => Date;
  /** Tests observe or refuse Organizations calls. */
  organizationsClient?: (config: OrganizationsClientConfig) => OrganizationsClient;
}

export interface AccountsQuery {
  /** Accounts of this OU and every OU below it. */
  ou?: string;
  /** Part of the name, id or e-mail (case-insensitive). */
  q?: string;
  status?: 'ACTIVE' | 'SUSPENDED';
  role?: 'ok' | 'failed' | 'skipped' | 'unchecked';
  offset: number;
  limit: number;
}

const notDiscovered = () =>
  new DomainError(
    'not_found',
    'organization_not_discovered',
    'The organization has not been read yet: refresh it first',
  );

/** AWS's refusals of Organizations calls, in words a user can act on. */
function organizationsError(error: unknown): Error {
  const e = error as { name?: string; message?: string };
  if (e.name === 'AWSOrganizationsNotInUseException')
    return new DomainError('invalid', 'not_in_organization', 'This account is not in an AWS organization');
  if (e.name === 'AccessDeniedException' || e.name === 'AccessDenied')
    return new DomainError(
      'invalid',
      'organization_access_denied',
      `AWS refused to list the organization (management or delegated-administrator account needed): ${(e.message ?? '').slice(0, 300)}`,
    );
  return error instanceof Error ? error : new Error(String(error));
}

export type OrgService = ReturnType<typeof createOrgService>;

/**
 * Organization connections: discovery of the OU tree and accounts (stored per user and connection,
 * replaced whole on refresh), member audit-role checks, the paged account list, and the
 * credentials of a member account for collections and advisor runs.
 */
export function createOrgService(deps: OrgServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const key = (username: string, connectionId: string) => keys.orgDirectory(username, connectionId);

  /** The stored directory of a connection the caller already found among the user's own (one read). */
  async function readOwned(username: string, connection: { id: string }): Promise<OrgDirectory | null> {
    return (await deps.documents.getJson(key(username, connection.id), OrgDirectorySchema))?.value ?? null;
  }

  async function read(username: string, connectionId: string): Promise<OrgDirectory | null> {
    await deps.connections.get(username, connectionId); // 404 for another user's id
    return await readOwned(username, { id: connectionId });
  }

  async function requireDirectory(username: string, connectionId: string): Promise<OrgDirectory> {
    const directory = await read(username, connectionId);
    if (!directory) throw notDiscovered();
    return directory;
  }

  return {
    read,
    readOwned,

    /**
     * Reads the organization again (OU tree, accounts) and checks every member's audit role. The
     * web runs it as a job (src/orgs/refresh-job.ts); the CLI calls it directly.
     */
    async refresh(
      username: string,
      connectionId: string,
      onProgress?: (progress: RefreshProgress) => void,
    ): Promise<OrgDirectory> {
      const { connection, access, partition } = await deps.connections.memberAccess(username, connectionId);
      const management = await deps.connections.resolveCredentials(username, connectionId);
      const config: OrganizationsClientConfig = {
        region: ORGANIZATIONS_REGION[partition] ?? 'us-east-1',
        credentials: management.credentials,
        maxAttempts: 8,
        retryMode: 'adaptive',
        ...(deps.endpoint ? { endpoint: deps.endpoint } : {}),
      };
      const client = deps.organizationsClient?.(config) ?? new OrganizationsClient(config);
      let found: OrgDirectory;
      try {
        found = await discoverOrganization(client, {
          now,
          onAccounts: (n) => onProgress?.({ accountsDiscovered: n, rolesChecked: 0, rolesToCheck: 0 }),
        });
      } catch (error) {
        throw organizationsError(error);
      } finally {
        client.destroy();
      }
      // The connection's own account is reached directly, not through a member role.
      const members = found.accounts.filter((a) => a.id !== connection.accountId);
      let rolesChecked = 0;
      const report = () =>
        onProgress?.({
          accountsDiscovered: found.accounts.length,
          rolesChecked,
          rolesToCheck: members.length,
        });
      report();
      const checks = await checkMembers(access, members, partition, {
        onChecked: () => {
          rolesChecked++;
          report();
        },
      });
      const checked = new Map(members.map((a, i) => [a.id, checks[i]]));
      const directory: OrgDirectory = {
        ...found,
        accounts: found.accounts.map((a) => ({
          ...a,
          role:
            a.id === connection.accountId
              ? { state: 'ok' as const, checkedAt: found.discoveredAt, code: 'connection' }
              : (checked.get(a.id) ?? { state: 'unchecked' as const }),
        })),
      };
      await deps.documents.putJson(key(username, connectionId), directory);
      return directory;
    },

    /** One page of the organization's accounts (filtered), and how many match in all. */
    async accounts(
      username: string,
      connectionId: string,
      query: AccountsQuery,
    ): Promise<{ total: number; accounts: OrgAccount[] }> {
      const directory = await requireDirectory(username, connectionId);
      const units = query.ou ? subtreeOf(directory, query.ou) : null;
      if (query.ou && !directory.units.some((u) => u.id === query.ou))
        throw new DomainError('not_found', 'ou_not_found', `No OU ${query.ou} in this organization`);
      const q = query.q?.trim().toLowerCase();
      const matching = directory.accounts.filter(
        (a) =>
          (!units || units.has(a.ouId)) &&
          (!query.status || a.status === query.status) &&
          (!query.role || (a.role?.state ?? 'unchecked') === query.role) &&
          (!q || a.name.toLowerCase().includes(q) || a.id.includes(q) || a.email.toLowerCase().includes(q)),
      );
      return { total: matching.length, accounts: matching.slice(query.offset, query.offset + query.limit) };
    },

    /** Checks one member's audit role again and records the answer. */
    async verifyAccount(username: string, connectionId: string, accountId: string): Promise<OrgAccount> {
      const directory = await requireDirectory(username, connectionId);
      const account = directory.accounts.find((a) => a.id === accountId);
      if (!account) throw accountNotFound(accountId);
      const { connection, access, partition } = await deps.connections.memberAccess(username, connectionId);
      const role =
        account.id === connection.accountId
          ? { state: 'ok' as const, checkedAt: now().toISOString(), code: 'connection' }
          : await checkMember(access, account, partition);
      const updated = await deps.documents.updateJson(
        key(username, connectionId),
        OrgDirectorySchema,
        (prev) => {
          if (!prev) throw notDiscovered();
          return { ...prev, accounts: prev.accounts.map((a) => (a.id === accountId ? { ...a, role } : a)) };
        },
      );
      return updated.accounts.find((a) => a.id === accountId) ?? { ...account, role };
    },

    /** Forgets what discovery stored (the connection is being removed). */
    async forget(username: string, connectionId: string): Promise<void> {
      await deps.documents.delete(key(username, connectionId));
      await deps.documents.delete(keys.orgRefresh(username, connectionId));
    },

    /**
     * Credentials for a collection or advisor run: the connection's own account (no `accountId`, or
     * the connection's account), or a member of its organization through the member audit role.
     * A member must be in the stored directory and ACTIVE.
     */
    async resolveCredentials(
      username: string,
      connectionId?: string,
      accountId?: string,
    ): Promise<ResolvedCredentials> {
      const own = await deps.connections.resolveCredentials(username, connectionId);
      if (!accountId || accountId === own.accountId) return own;
      const { connection, access, partition } = await deps.connections.memberAccess(
        username,
        own.connection.id,
      );
      const directory = await requireDirectory(username, own.connection.id);
      const account = directory.accounts.find((a) => a.id === accountId);
      if (!account) throw accountNotFound(accountId);
      if (account.status !== 'ACTIVE')
        throw new DomainError(
          'invalid',
          'account_suspended',
          `Account ${accountId} is ${account.status} in the organization`,
        );
      return {
        connection,
        accountId,
        credentials: memberCredentials(access, accountId, partition),
        ...(deps.endpoint ? { endpoint: deps.endpoint } : {}),
      };
    },
  };
}

const accountNotFound = (accountId: string) =>
  new DomainError(
    'not_found',
    'account_not_in_organization',
    `Account ${accountId} is not in this organization`,
  );
