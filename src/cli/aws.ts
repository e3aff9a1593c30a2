import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  STSClient,
  type STSClientConfig,
} from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { classifyAwsError } from './errors.js';

export interface CliAccess {
  credentials: AwsCredentialIdentityProvider;
  accountId: string;
  endpoint?: string;
  region: string;
}

/** Refresh assumed-role credentials this long before they expire (long scans outlive them). */
const REFRESH_BEFORE_MS = 5 * 60_000;

function stsConfig(region: string, endpoint: string | undefined): STSClientConfig {
  return {
    region,
    maxAttempts: 2,
    // Fail fast on a dead endpoint instead of hanging a CI job.
    requestHandler: new NodeHttpHandler({ connectionTimeout: 5_000, requestTimeout: 15_000 }),
    ...(endpoint ? { endpoint } : {}),
  };
}

function assumeRoleProvider(
  sts: STSClient,
  roleArn: string,
  externalId: string | undefined,
): AwsCredentialIdentityProvider {
  let cached: AwsCredentialIdentity | undefined;
  return async () => {
    const expiry = cached?.expiration?.getTime();
    if (cached && (expiry === undefined || expiry - Date.now() > REFRESH_BEFORE_MS)) return cached;
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: 'again-console-cli',
        ...(externalId ? { ExternalId: externalId } : {}),
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error('AssumeRole returned no credentials');
    cached = {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
      ...(c.Expiration ? { expiration: c.Expiration } : {}),
    };
    return cached;
  };
}

/**
 * Credentials from the standard AWS chain (env, profile, SSO, container/instance roles — the
 * SDK's own resolution, taken from an STS client's resolved config), optionally through a role,
 * and the account id from GetCallerIdentity. Secrets are never printed.
 */
export async function resolveCliAccess(
  env: NodeJS.ProcessEnv,
  role?: { roleArn: string; externalId?: string },
): Promise<CliAccess> {
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1';
  const endpoint = env.AWS_ENDPOINT_URL || undefined;
  const base = new STSClient(stsConfig(region, endpoint));
  try {
    const credentials: AwsCredentialIdentityProvider = role
      ? assumeRoleProvider(base, role.roleArn, role.externalId)
      : base.config.credentials;
    const identityClient = new STSClient({ ...stsConfig(region, endpoint), credentials });
    try {
      const identity = await identityClient.send(new GetCallerIdentityCommand({}));
      if (!identity.Account) throw new Error('GetCallerIdentity returned no account');
      return { credentials, accountId: identity.Account, region, ...(endpoint ? { endpoint } : {}) };
    } finally {
      identityClient.destroy();
    }
  } catch (error) {
    throw classifyAwsError(error, endpoint);
  }
}
