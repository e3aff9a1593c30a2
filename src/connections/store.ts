import { z } from 'zod';
import type { Connection } from '../shared/api/connections.js';
import { OrganizationSettings } from '../shared/api/orgs.js';
import { EncryptedBlob } from './secrets.js';

/** One connection as stored: the public fields plus, for keys, the sealed secrets. */
export const StoredConnection = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['role', 'keys']),
  roleArn: z.string().optional(),
  accessKeyIdMasked: z.string().optional(),
  accountId: z.string(),
  callerArn: z.string(),
  createdAt: z.string(),
  verifiedAt: z.string(),
  /** keys only: JSON {accessKeyId, secretAccessKey, sessionToken?} sealed by SecretBox. */
  secrets: EncryptedBlob.optional(),
  organization: OrganizationSettings.optional(),
});
export type StoredConnection = z.infer<typeof StoredConnection>;

/** users/{username}/connections.json — one document so "exactly one default" is one CAS write. */
export const ConnectionsDocument = z.object({
  defaultId: z.string().nullable(),
  connections: z.array(StoredConnection),
});
export type ConnectionsDocument = z.infer<typeof ConnectionsDocument>;

export const KeySecrets = z.object({
  accessKeyId: z.string(),
  secretAccessKey: z.string(),
  sessionToken: z.string().optional(),
});
export type KeySecrets = z.infer<typeof KeySecrets>;

export const MAX_CONNECTIONS_PER_USER = 20;

export function maskAccessKeyId(accessKeyId: string): string {
  return `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`;
}

/** The browser's view: every public field, never `secrets`. */
export function toPublicConnection(stored: StoredConnection, defaultId: string | null): Connection {
  const { secrets: _secrets, ...visible } = stored;
  return { ...visible, isDefault: stored.id === defaultId };
}

/**
 * The trust policy the user pastes into their role: only our principal, only with their External ID.
 * The values may also be CloudFormation references (the member-role template's parameters).
 */
export function buildTrustPolicy<Value = string>(
  principalArn: Value,
  externalId: Value,
): Record<string, unknown> {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: principalArn },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': externalId } },
      },
    ],
  };
}

/** A trust policy names a role, not one of its sessions: assumed-role ARNs become role ARNs. */
export function principalForTrustPolicy(callerArn: string): string {
  const m = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(callerArn);
  return m ? `arn:${m[1]}:iam::${m[2]}:role/${m[3]}` : callerArn;
}

export const PLACEHOLDER_PRINCIPAL = 'arn:aws:iam::SERVER_ACCOUNT_ID:root';
