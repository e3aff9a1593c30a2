import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { AppConfig } from '../config/config.js';

export interface AwsBaseClientConfig {
  region: string;
  endpoint?: string;
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Only matters to S3: emulators cannot serve virtual-hosted bucket names. */
  forcePathStyle?: boolean;
}

/**
 * Options shared by every AWS SDK client the SERVER itself creates (storage, STS for AssumeRole):
 * its own credentials when configured (else the SDK default chain) and the emulator endpoint.
 */
export function awsBaseConfig(
  config: Pick<AppConfig, 'awsCredentials' | 'awsEndpointUrl'>,
  region: string,
): AwsBaseClientConfig {
  return {
    region,
    ...(config.awsCredentials ? { credentials: { ...config.awsCredentials } } : {}),
    ...(config.awsEndpointUrl ? { endpoint: config.awsEndpointUrl, forcePathStyle: true } : {}),
  };
}
