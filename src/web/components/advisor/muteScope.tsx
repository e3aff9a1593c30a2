import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FindingDto, MuteScope, MuteScopeNames } from '../../../shared/api/advisor';
import { useFormat } from '../../i18n/format';
import { useMutes } from '../../pages/advisor/api';

type MuteInfo = NonNullable<FindingDto['muted']>;

/** How a scope is worded: as a column of the rules table, or as the end of a muted finding's note. */
const WORDING = {
  rule: {
    all: 'advisor.muteRules.scopeAll',
    account: 'advisor.muteRules.scopeAccount',
    ou: 'advisor.muteRules.scopeOu',
  },
  finding: {
    all: 'advisor.results.mutedForAll',
    account: 'advisor.results.mutedForAccount',
    ou: 'advisor.results.mutedForOu',
  },
} as const;

/**
 * Which accounts a rule covers, in words: every account, one account (name and id) or an OU (name
 * and path); ids alone when the names are not known (the connection or OU is gone, or still loading).
 */
export function muteScopeText(
  scope: MuteScope | undefined,
  names: MuteScopeNames | undefined,
  t: TFunction,
  wording: keyof typeof WORDING = 'rule',
): string {
  const keys = WORDING[wording];
  if (!scope || scope.kind === 'all') return t(keys.all);
  if (scope.kind === 'account') {
    const name = names?.accountName ?? names?.connectionName;
    return t(keys.account, { account: name ? `${name} (${scope.accountId})` : scope.accountId });
  }
  return t(keys.ou, { ou: names?.ouName ? `${names.ouName} (${names.ouPath ?? scope.ouId})` : scope.ouId });
}

/** The accounts the rule that muted a finding covers, named from the user's rules list (cached once for every finding). */
export function useMutedScopeText(): (muted: MuteInfo) => string {
  const { t } = useTranslation();
  const mutes = useMutes();
  return (muted) => {
    const rule = mutes.data?.rules.find((r) => r.id === muted.ruleId);
    return muteScopeText(muted.scope ?? rule?.scope, rule?.scopeNames, t, 'finding');
  };
}

/** Who muted a finding, when and why, the accounts the rule covers, and its expiry. */
export function MutedNote({ muted }: { muted: MuteInfo }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const scopeText = useMutedScopeText();
  return (
    <p className="small mb-0 mt-1 text-body-secondary" data-testid="muted-note">
      {t('advisor.results.mutedBy', { by: muted.by, at: fmt.dateTime(muted.at), reason: muted.reason })}
      {' · '}
      <span data-testid="muted-scope">{scopeText(muted)}</span>
      {muted.expiresAt && ` · ${t('advisor.results.mutedUntil', { date: fmt.dateTime(muted.expiresAt) })}`}
    </p>
  );
}
