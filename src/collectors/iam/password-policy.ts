/** The account's IAM password policy (one call). */
import { GetAccountPasswordPolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import type { IamPasswordPolicy } from '../../core/records.js';
import { errorCode } from '../lib/optional-field.js';
import { defineCollector } from '../types.js';

export const iamPasswordPolicy = defineCollector({
  id: 'iam.password-policy',
  async *collect(ctx) {
    let policy: IamPasswordPolicy['policy'] = null;
    try {
      const p = (
        await ctx.client(IAMClient).send(new GetAccountPasswordPolicyCommand({}), { abortSignal: ctx.signal })
      ).PasswordPolicy;
      policy = {
        ...(p?.MinimumPasswordLength !== undefined ? { minimumPasswordLength: p.MinimumPasswordLength } : {}),
        ...(p?.RequireSymbols !== undefined ? { requireSymbols: p.RequireSymbols } : {}),
        ...(p?.RequireNumbers !== undefined ? { requireNumbers: p.RequireNumbers } : {}),
        ...(p?.RequireUppercaseCharacters !== undefined
          ? { requireUppercaseCharacters: p.RequireUppercaseCharacters }
          : {}),
        ...(p?.RequireLowercaseCharacters !== undefined
          ? { requireLowercaseCharacters: p.RequireLowercaseCharacters }
          : {}),
        ...(p?.AllowUsersToChangePassword !== undefined
          ? { allowUsersToChangePassword: p.AllowUsersToChangePassword }
          : {}),
        ...(p?.MaxPasswordAge !== undefined ? { maxPasswordAge: p.MaxPasswordAge } : {}),
        ...(p?.PasswordReusePrevention !== undefined
          ? { passwordReusePrevention: p.PasswordReusePrevention }
          : {}),
        ...(p?.HardExpiry !== undefined ? { hardExpiry: p.HardExpiry } : {}),
      };
    } catch (error) {
      // NoSuchEntity is AWS's "no password policy"; anything else fails the collector.
      if (errorCode(error) !== 'NoSuchEntity' && errorCode(error) !== 'NoSuchEntityException') throw error;
    }
    yield { region: 'global', policy };
  },
});
