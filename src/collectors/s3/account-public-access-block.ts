import { GetPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { errorCode } from '../lib/optional-field.js';
import { defineCollector } from '../types.js';

/** Hosts of real AWS endpoints (incl. PrivateLink), where the `{accountId}.` host prefix is right. */
const AWS_HOST = /(amazonaws\.com|amazonaws\.com\.cn|api\.aws)(:\d+)?(\/|$)/;

type EndpointProvider = (params: Record<string, unknown>, context?: unknown) => unknown;
const adapted = new WeakSet<object>();

/**
 * S3 Control's endpoint rules put the account id in front of the host
 * (`123456789012.s3-control…`). Against an emulator endpoint that gives `123456789012.127.0.0.1`,
 * which is not even a valid URL, so for non-AWS endpoints the rules are asked without the prefix.
 * Done once per client (the factory reuses it for the whole collection).
 */
function withoutAccountPrefixOnEmulators(client: S3ControlClient): S3ControlClient {
  if (adapted.has(client)) return client;
  const config = client.config as unknown as { endpointProvider: EndpointProvider };
  const original = config.endpointProvider;
  config.endpointProvider = (params, context) => {
    const endpoint = params.Endpoint;
    const emulator = typeof endpoint === 'string' && !AWS_HOST.test(endpoint);
    return original(emulator ? { ...params, RequiresAccountId: false } : params, context);
  };
  adapted.add(client);
  return client;
}

export const s3AccountPublicAccessBlock = defineCollector({
  id: 's3.account-public-access-block',
  async *collect(ctx) {
    const control = withoutAccountPrefixOnEmulators(ctx.client(S3ControlClient));
    let publicAccessBlock = null;
    try {
      const c = (
        await control.send(new GetPublicAccessBlockCommand({ AccountId: ctx.accountId }), {
          abortSignal: ctx.signal,
        })
      ).PublicAccessBlockConfiguration;
      publicAccessBlock = {
        blockPublicAcls: c?.BlockPublicAcls === true,
        ignorePublicAcls: c?.IgnorePublicAcls === true,
        blockPublicPolicy: c?.BlockPublicPolicy === true,
        restrictPublicBuckets: c?.RestrictPublicBuckets === true,
      };
    } catch (error) {
      // Only "nothing configured" is an answer; any other failure fails the collector (the runner records it).
      if (errorCode(error) !== 'NoSuchPublicAccessBlockConfiguration') throw error;
    }
    yield { region: 'global', accountId: ctx.accountId, publicAccessBlock };
  },
});
