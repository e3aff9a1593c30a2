import { randomUUID } from 'node:crypto';
import type { STSClientConfig } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { Logger } from 'pino';
import { awsBaseConfig } from '../aws/config.js';
import type { AppConfig } from '../config/config.js';
import { DomainError } from '../core/errors.js';
import type { MemberAccess } from '../orgs/members.js';
import type { Connection, CreateConnectionBody } from '../shared/api/connections.js';
import type { OrganizationSettings } from '../shared/api/orgs.js';
import type { DocumentStore } from '../storage/documents.js';
import { keys } from '../storage/keys.js';
import { refreshingRoleProvider } from './role-provider.js';
import { SecretBox } from './secrets.js';
import {
  buildTrustPolicy,
  ConnectionsDocument,
  KeySecrets,
  MAX_CONNECTIONS_PER_USER,
  maskAccessKeyId,
  PLACEHOLDER_PRINCIPAL,
  principalForTrustPolicy,
  type StoredConnection,
  toPublicConnection,
} from './store.js';
import {
  AwsVerificationError,
  assumeRole,
  type CallerIdentity,
  defaultStsClientFactory,
  getCallerIdentity,
  type StsClientFactory,
} from './sts.js';

export interface ConnectionServiceDeps {
  config: Pick<AppConfig, 'secretKey' | 'awsRegion' | 'awsCredentials' | 'awsEndpointUrl'>;
  documents: DocumentStore;
  /** The user's External ID (stored in the profile at registration). */
  getExternalId: (username: string) => Promise<string>;
  logger?: Logger;
  now?: () => Date;
  /** Tests inject a factory to observe STS calls (moto does not enforce External IDs). */
  stsClientFactory?: StsClientFactory;
}

export interface ResolvedCredentials {
  connection: Connection;
  accountId: string;
  credentials: AwsCredentialIdentityProvider;
  endpoint?: string;
}

const EMPTY: ConnectionsDocument = { defaultId: null, connections: [] };

export type ConnectionService = ReturnType<typeof createConnectionService>;

export function createConnectionService(deps: ConnectionServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const box = new SecretBox(deps.config.secretKey);
  const sts = deps.stsClientFactory ?? defaultStsClientFactory;
  const base = (): STSClientConfig => awsBaseConfig(deps.config, deps.config.awsRegion);
  const withEndpoint = (credentials: AwsCredentialIdentity): STSClientConfig => {
    const { credentials: _serverCredentials, ...rest } = base();
    return { ...rest, credentials };
  };
  const docKey = (username: string) => keys.connections(username);

  async function load(username: string): Promise<ConnectionsDocument> {
    return (await deps.documents.getJson(docKey(username), ConnectionsDocument))?.value ?? EMPTY;
  }

  async function find(
    username: string,
    id: string,
  ): Promise<{ doc: ConnectionsDocument; stored: StoredConnection }> {
    const doc = await load(username);
    const stored = doc.connections.find((c) => c.id === id);
    // Another user's id and a made-up id look the same: 404, nothing revealed.
    if (!stored) throw new DomainError('not_found', 'connection_not_found', 'No such AWS connection');
    return { doc, stored };
  }

  function roleSessionName(username: string): string {
    return `again-console-${username}`.slice(0, 64);
  }

  async function roleCredentials(username: string, roleArn: string) {
    const externalId = await deps.getExternalId(username);
    return await assumeRole(sts, base(), { roleArn, externalId, sessionName: roleSessionName(username) });
  }

  function openKeys(username: string, stored: StoredConnection): KeySecrets {
    if (!stored.secrets) throw new Error(`connection ${stored.id} has no stored secrets`);
    return KeySecrets.parse(JSON.parse(box.open(stored.secrets, username, stored.id)));
  }

  /** STS GetCallerIdentity through the connection's own access; throws aws_verification_failed. */
  async function verifyAccess(
    username: string,
    access: { kind: 'role'; roleArn: string } | { kind: 'keys'; secrets: KeySecrets },
  ): Promise<CallerIdentity> {
    try {
      const credentials =
        access.kind === 'role'
          ? (await roleCredentials(username, access.roleArn)).credentials
          : access.secrets;
      return await getCallerIdentity(sts, withEndpoint(credentials));
    } catch (error) {
      if (error instanceof AwsVerificationError) {
        deps.logger?.info({ username, kind: access.kind, awsCode: error.awsCode }, 'AWS verification failed');
        throw new DomainError(
          'invalid',
          'aws_verification_failed',
          `AWS refused the access: ${error.message}`,
        );
      }
      throw error;
    }
  }

  async function patch(
    username: string,
    id: string,
    fn: (c: StoredConnection) => StoredConnection,
    makeDefault?: boolean,
  ): Promise<Connection> {
    await find(username, id);
    const doc = await deps.documents.updateJson(docKey(username), ConnectionsDocument, (prev) => {
      const d = prev ?? EMPTY;
      if (!d.connections.some((c) => c.id === id)) {
        throw new DomainError('not_found', 'connection_not_found', 'No such AWS connection');
      }
      return {
        defaultId: makeDefault ? id : d.defaultId,
        connections: d.connections.map((c) => (c.id === id ? fn(c) : c)),
      };
    });
    const stored = doc.connections.find((c) => c.id === id);
    if (!stored) throw new DomainError('not_found', 'connection_not_found', 'No such AWS connection');
    return toPublicConnection(stored, doc.defaultId);
  }

  let serverIdentity: Promise<CallerIdentity | null> | undefined;

  return {
    async list(username: string): Promise<Connection[]> {
      const doc = await load(username);
      return doc.connections.map((c) => toPublicConnection(c, doc.defaultId));
    },

    async get(username: string, id: string): Promise<Connection> {
      const { doc, stored } = await find(username, id);
      return toPublicConnection(stored, doc.defaultId);
    },

    async create(username: string, body: CreateConnectionBody): Promise<Connection> {
      const current = await load(username);
      if (current.connections.length >= MAX_CONNECTIONS_PER_USER) {
        throw new DomainError(
          'invalid',
          'too_many_connections',
          `At most ${MAX_CONNECTIONS_PER_USER} AWS connections`,
        );
      }
      const id = randomUUID();
      const at = now().toISOString();
      let stored: StoredConnection;
      if (body.kind === 'role') {
        const identity = await verifyAccess(username, { kind: 'role', roleArn: body.roleArn });
        stored = {
          id,
          name: body.name,
          kind: 'role',
          roleArn: body.roleArn,
          accountId: identity.accountId,
          callerArn: identity.arn,
          createdAt: at,
          verifiedAt: at,
          ...(body.organization ? { organization: body.organization } : {}),
        };
      } else {
        const secrets: KeySecrets = {
          accessKeyId: body.accessKeyId,
          secretAccessKey: body.secretAccessKey,
          ...(body.sessionToken ? { sessionToken: body.sessionToken } : {}),
        };
        const identity = await verifyAccess(username, { kind: 'keys', secrets });
        stored = {
          id,
          name: body.name,
          kind: 'keys',
          accessKeyIdMasked: maskAccessKeyId(body.accessKeyId),
          accountId: identity.accountId,
          callerArn: identity.arn,
          createdAt: at,
          verifiedAt: at,
          secrets: box.seal(JSON.stringify(secrets), username, id),
          ...(body.organization ? { organization: body.organization } : {}),
        };
      }
      const doc = await deps.documents.updateJson(docKey(username), ConnectionsDocument, (prev) => {
        const d = prev ?? EMPTY;
        if (d.connections.length >= MAX_CONNECTIONS_PER_USER) {
          throw new DomainError(
            'invalid',
            'too_many_connections',
            `At most ${MAX_CONNECTIONS_PER_USER} AWS connections`,
          );
        }
        // The first connection becomes the default.
        return { defaultId: d.defaultId ?? id, connections: [...d.connections, stored] };
      });
      return toPublicConnection(stored, doc.defaultId);
    },

    /** Re-checks a saved connection with STS and records the new verifiedAt/account. */
    async verify(username: string, id: string): Promise<Connection> {
      const { stored } = await find(username, id);
      const identity =
        stored.kind === 'role' && stored.roleArn
          ? await verifyAccess(username, { kind: 'role', roleArn: stored.roleArn })
          : await verifyAccess(username, { kind: 'keys', secrets: openKeys(username, stored) });
      const verifiedAt = now().toISOString();
      return await patch(username, id, (c) => ({
        ...c,
        accountId: identity.accountId,
        callerArn: identity.arn,
        verifiedAt,
      }));
    },

    async update(
      username: string,
      id: string,
      changes: { name?: string; isDefault?: true; organization?: OrganizationSettings | null },
    ): Promise<Connection> {
      return await patch(
        username,
        id,
        (c) => {
          const named = changes.name ? { ...c, name: changes.name } : c;
          if (changes.organization === undefined) return named;
          const { organization: _previous, ...single } = named;
          return changes.organization === null ? single : { ...single, organization: changes.organization };
        },
        changes.isDefault,
      );
    },

    /**
     * How members of an organization connection are reached: the identity their audit roles trust
     * (the console's own for a role connection — the generated template trusts it; the management
     * account's keys for a key connection), the member role name and the External ID (the user's
     * own unless the organization settings name one).
     */
    async memberAccess(
      username: string,
      id: string,
    ): Promise<{ connection: Connection; access: MemberAccess; partition: string }> {
      const { doc, stored } = await find(username, id);
      if (!stored.organization)
        throw new DomainError(
          'invalid',
          'not_an_organization',
          'This connection is a single account: add the organization settings first',
        );
      const source = stored.kind === 'keys' ? withEndpoint({ ...openKeys(username, stored) }) : base();
      return {
        connection: toPublicConnection(stored, doc.defaultId),
        access: {
          sts,
          source,
          memberRoleName: stored.organization.memberRoleName,
          externalId: stored.organization.externalId ?? (await deps.getExternalId(username)),
          sessionName: roleSessionName(username),
          now,
        },
        partition: /^arn:(aws[a-z-]*):/.exec(stored.callerArn)?.[1] ?? 'aws',
      };
    },

    async remove(username: string, id: string): Promise<void> {
      await find(username, id);
      await deps.documents.updateJson(docKey(username), ConnectionsDocument, (prev) => {
        const d = prev ?? EMPTY;
        const connections = d.connections.filter((c) => c.id !== id);
        // Deleting the default hands the role to the oldest remaining connection.
        const defaultId = d.defaultId === id ? (connections[0]?.id ?? null) : d.defaultId;
        return { defaultId, connections };
      });
    },

    /** What the user pastes into their role's trust policy. */
    async roleSetup(username: string) {
      const externalId = await deps.getExternalId(username);
      serverIdentity ??= getCallerIdentity(sts, base()).catch((error: unknown) => {
        deps.logger?.warn({ awsCode: (error as AwsVerificationError).awsCode }, 'server identity unknown');
        serverIdentity = undefined; // ask again next time
        return null;
      });
      const identity = await serverIdentity;
      const serverPrincipalArn = identity ? principalForTrustPolicy(identity.arn) : null;
      return {
        externalId,
        serverPrincipalArn,
        trustPolicy: buildTrustPolicy(serverPrincipalArn ?? PLACEHOLDER_PRINCIPAL, externalId),
      };
    },

    /**
     * For the job layer: the connection (default when no id) and a credential provider. Role
     * connections re-assume with the user's External ID before the temporary credentials expire.
     */
    async resolveCredentials(username: string, connectionId?: string): Promise<ResolvedCredentials> {
      const doc = await load(username);
      const id = connectionId ?? doc.defaultId;
      const stored = doc.connections.find((c) => c.id === id);
      if (!stored) {
        throw connectionId
          ? new DomainError('not_found', 'connection_not_found', 'No such AWS connection')
          : new DomainError(
              'invalid',
              'no_connection',
              'Connect an AWS account first (Settings → AWS access)',
            );
      }
      let credentials: AwsCredentialIdentityProvider;
      if (stored.kind === 'role' && stored.roleArn) {
        const roleArn = stored.roleArn;
        credentials = refreshingRoleProvider({
          assume: async () => (await roleCredentials(username, roleArn)).credentials,
          now,
          onRefreshFailed: (error) =>
            deps.logger?.warn(
              { username, connectionId: stored.id, awsCode: (error as { awsCode?: string }).awsCode },
              'role credential refresh failed; the current credentials are still valid',
            ),
        });
      } else {
        const secrets = openKeys(username, stored);
        credentials = async () => ({ ...secrets });
      }
      return {
        connection: toPublicConnection(stored, doc.defaultId),
        accountId: stored.accountId,
        credentials,
        ...(deps.config.awsEndpointUrl ? { endpoint: deps.config.awsEndpointUrl } : {}),
      };
    },
  };
}
