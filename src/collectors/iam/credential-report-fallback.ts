/**
 * When the credential report cannot be had (denied, or never ready), the answers the console-MFA
 * check needs come from per-user calls instead: ListUsers, then GetLoginProfile and
 * ListMFADevices for each user. That costs 2 calls per user (plus a ListUsers page per 1,000),
 * so it runs only as a fallback. The fields the report alone knows (key ages, last use) carry the
 * report's error in `fieldErrors`, and the checks that read them report those users `unknown`.
 */
import {
  GetLoginProfileCommand,
  IAMClient,
  ListMFADevicesCommand,
  paginateListUsers,
} from '@aws-sdk/client-iam';
import type { FieldError, IamCredentialReportRow } from '../../core/records.js';
import { optionalField } from '../lib/optional-field.js';
import type { CollectorContext } from '../types.js';

/** Row fields only the credential report carries. */
export const REPORT_ONLY_FIELDS = [
  'passwordLastUsed',
  'passwordLastChanged',
  'accessKey1Active',
  'accessKey1LastRotated',
  'accessKey1LastUsedDate',
  'accessKey2Active',
  'accessKey2LastRotated',
  'accessKey2LastUsedDate',
] as const satisfies readonly (keyof IamCredentialReportRow)[];

const NO_SUCH_ENTITY = ['NoSuchEntity', 'NoSuchEntityException'];

/** One row per IAM user with `passwordEnabled` and `mfaActive` from per-user calls. */
export async function* rowsFromUserCalls(
  ctx: CollectorContext,
  reportError: FieldError,
): AsyncGenerator<IamCredentialReportRow> {
  const client = ctx.client(IAMClient);
  const opts = { abortSignal: ctx.signal };
  for await (const page of paginateListUsers({ client, pageSize: 1000 }, {})) {
    ctx.signal.throwIfAborted();
    const rows = (page.Users ?? []).map(async (user): Promise<IamCredentialReportRow> => {
      const UserName = user.UserName ?? '';
      const fieldErrors: Record<string, FieldError> = Object.fromEntries(
        REPORT_ONLY_FIELDS.map((field) => [field, reportError]),
      );
      const passwordEnabled = await optionalField(ctx, fieldErrors, {
        field: 'passwordEnabled',
        operation: 'GetLoginProfile',
        call: async () => {
          await client.send(new GetLoginProfileCommand({ UserName }), opts);
          return true;
        },
        notConfigured: NO_SUCH_ENTITY,
        empty: false,
      });
      const mfaActive = await optionalField(ctx, fieldErrors, {
        field: 'mfaActive',
        operation: 'ListMFADevices',
        call: async () =>
          ((await client.send(new ListMFADevicesCommand({ UserName }), opts)).MFADevices ?? []).length > 0,
      });
      return {
        region: 'global',
        user: UserName,
        arn: user.Arn ?? '',
        ...(user.CreateDate ? { userCreationTime: user.CreateDate.toISOString() } : {}),
        passwordEnabled: passwordEnabled ?? false,
        mfaActive: mfaActive ?? false,
        accessKey1Active: false,
        accessKey2Active: false,
        fieldErrors,
      };
    });
    yield* await Promise.all(rows);
  }
}
