import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  STSClient,
  type STSClientConfig,
} from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';

export type StsClientFactory = (config: STSClientConfig) => STSClient;
export const defaultStsClientFactory: StsClientFactory = (config) => new STSClient(config);

export interface CallerIdentity {
  accountId: string;
  arn: string;
}

/** An AWS error reduced to what may be shown and logged: its code and message, never a secret. */
export class AwsVerificationError extends Error {
  constructor(
    public readonly awsCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'AwsVerificationError';
  }
}

function describeAwsError(error: unknown): AwsVerificationError {
  const e = error as { name?: string; Code?: string; message?: string };
  const code = e.Code ?? e.name ?? 'UnknownError';
  // AWS messages can echo the access key id but never the secret; still, keep them short.
  return new AwsVerificationError(code, `${code}: ${(e.message ?? '').slice(0, 300)}`);
}

export async function getCallerIdentity(
  factory: StsClientFactory,
  config: STSClientConfig,
): Promise<CallerIdentity> {
  const client = factory({ maxAttempts: 2, ...config });
  try {
    const out = await client.send(new GetCallerIdentityCommand({}));
    if (!out.Account || !out.Arn)
      throw new AwsVerificationError('InvalidResponse', 'STS returned no identity');
    return { accountId: out.Account, arn: out.Arn };
  } catch (error) {
    throw error instanceof AwsVerificationError ? error : describeAwsError(error);
  } finally {
    client.destroy();
  }
}

export interface AssumedRole {
  credentials: Required<Pick<AwsCredentialIdentity, 'accessKeyId' | 'secretAccessKey' | 'sessionToken'>> & {
    expiration: Date;
  };
}

/** AssumeRole as the server's own identity (base config), with the user's External ID. */
export async function assumeRole(
  factory: StsClientFactory,
  baseConfig: STSClientConfig,
  input: { roleArn: string; externalId: string; sessionName: string; durationSeconds?: number },
): Promise<AssumedRole> {
  const client = factory({ maxAttempts: 2, ...baseConfig });
  try {
    const out = await client.send(
      new AssumeRoleCommand({
        RoleArn: input.roleArn,
        ExternalId: input.externalId,
        RoleSessionName: input.sessionName,
        DurationSeconds: input.durationSeconds ?? 3600,
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
      throw new AwsVerificationError('InvalidResponse', 'STS AssumeRole returned no credentials');
    }
    return {
      credentials: {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        expiration: c.Expiration ?? new Date(Date.now() + 3600_000),
      },
    };
  } catch (error) {
    throw error instanceof AwsVerificationError ? error : describeAwsError(error);
  } finally {
    client.destroy();
  }
}
