import { useConnections } from '../../api/hooks';
import { useOrgAccounts } from '../../pages/orgs/OrgApi';

/** The account a run belongs to, as the mute dialog offers it for the rule's scope. */
export interface MuteAccount {
  connectionId: string;
  accountId: string;
  /** The member's name in its organization, else the connection's name. */
  name: string;
  /** The member's OU (absent at the organization's root or for a standalone account). */
  ou?: { id: string; name: string };
  /** The run is of an account of an organization connection. */
  inOrganization: boolean;
}

/**
 * The run's account, when the user has a choice of accounts to mute for (the run is of an
 * organization, or there is more than one connection); null otherwise or while loading.
 */
export function useMuteAccount(run: {
  connectionId: string;
  accountId?: string | undefined;
}): MuteAccount | null {
  const connections = useConnections();
  const connection = connections.data?.connections.find((c) => c.id === run.connectionId);
  const accountId = run.accountId ?? connection?.accountId ?? '';
  const inOrganization = connection?.organization !== undefined;
  const members = useOrgAccounts(run.connectionId, { q: accountId, offset: 0, limit: 1 }, inOrganization);
  if (!connection || !accountId) return null;
  if (!inOrganization && (connections.data?.connections.length ?? 0) < 2) return null;
  const member = members.data?.accounts.find((a) => a.id === accountId);
  const ouName = member?.ouPath.split('/').filter(Boolean).at(-1);
  return {
    connectionId: connection.id,
    accountId,
    name: member?.name ?? connection.name,
    ...(member && ouName ? { ou: { id: member.ouId, name: ouName } } : {}),
    inOrganization,
  };
}
