import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../shared/api/connections';
import type { ScanTarget } from '../../../shared/api/scans';
import { useOrgAccountSearch, useOrganization } from '../../pages/advisor/scans/api';

export type ScopeKind = 'single' | ScanTarget['kind'];

export interface ScopeState {
  kind: ScopeKind;
  connectionId: string;
  ouId: string;
  accountIds: string[];
}

/** The scan target the state stands for, or the message key of what is missing. */
export function targetOf(scope: ScopeState): ScanTarget | { problem: string } {
  if (scope.kind === 'all') return { kind: 'all' };
  if (scope.kind === 'ou') return scope.ouId ? { kind: 'ou', ouId: scope.ouId } : { problem: 'scans.pickOu' };
  if (scope.kind === 'accounts')
    return scope.accountIds.length > 0
      ? { kind: 'accounts', accountIds: scope.accountIds }
      : { problem: 'scans.pickAccounts' };
  return { problem: 'scans.scope' };
}

/**
 * Which accounts a run covers when an organization connection exists: its own account only, or a
 * scan of every account, an OU subtree, or accounts picked from a paged search (never the whole list).
 */
export function ScanScope({
  idPrefix,
  organizations,
  scope,
  onChange,
}: {
  idPrefix: string;
  organizations: Connection[];
  scope: ScopeState;
  onChange: (scope: ScopeState) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const multi = scope.kind !== 'single';
  const org = useOrganization(multi ? scope.connectionId : undefined);
  const search = useOrgAccountSearch(scope.kind === 'accounts' ? scope.connectionId : undefined, q);
  const set = (patch: Partial<ScopeState>) => onChange({ ...scope, ...patch });
  const toggle = (id: string) =>
    set({
      accountIds: scope.accountIds.includes(id)
        ? scope.accountIds.filter((a) => a !== id)
        : [...scope.accountIds, id],
    });
  const kinds: ScopeKind[] = ['single', 'all', 'ou', 'accounts'];
  const label: Record<ScopeKind, string> = {
    single: t('scans.scopeSingle'),
    all: t('scans.scopeAll'),
    ou: t('scans.scopeOu'),
    accounts: t('scans.scopeAccounts'),
  };

  return (
    <fieldset className="col-12">
      <legend className="form-label fs-6 fw-semibold">{t('scans.scope')}</legend>
      <div className="d-flex flex-wrap gap-3 mb-2">
        {kinds.map((kind) => (
          <div className="form-check" key={kind}>
            <input
              className="form-check-input"
              type="radio"
              name={`${idPrefix}-scope`}
              id={`${idPrefix}-scope-${kind}`}
              checked={scope.kind === kind}
              onChange={() => set({ kind })}
            />
            <label className="form-check-label" htmlFor={`${idPrefix}-scope-${kind}`}>
              {label[kind]}
            </label>
          </div>
        ))}
      </div>
      {multi && organizations.length > 1 && (
        <div className="mb-2">
          <label className="form-label small mb-1" htmlFor={`${idPrefix}-org`}>
            {t('scans.organization')}
          </label>
          <select
            id={`${idPrefix}-org`}
            className="form-select form-select-sm"
            value={scope.connectionId}
            onChange={(e) => set({ connectionId: e.target.value, ouId: '', accountIds: [] })}
          >
            {organizations.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.accountId})
              </option>
            ))}
          </select>
        </div>
      )}
      {multi && org.data && !org.data.organization && (
        <div className="alert alert-warning py-2 small">{t('scans.notDiscovered')}</div>
      )}
      {scope.kind === 'ou' && org.data?.organization && (
        <div>
          <label className="form-label small mb-1" htmlFor={`${idPrefix}-ou`}>
            {t('scans.ou')}
          </label>
          <select
            id={`${idPrefix}-ou`}
            className="form-select form-select-sm"
            value={scope.ouId}
            onChange={(e) => set({ ouId: e.target.value })}
          >
            <option value="">—</option>
            {org.data.organization.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.path}
              </option>
            ))}
          </select>
        </div>
      )}
      {scope.kind === 'accounts' && (
        <div>
          <label className="form-label small mb-1" htmlFor={`${idPrefix}-q`}>
            {t('scans.search')}
          </label>
          <input
            id={`${idPrefix}-q`}
            type="search"
            className="form-control form-control-sm mb-2"
            placeholder={t('scans.searchPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <p className="small text-body-secondary mb-1" aria-live="polite">
            {t('scans.chosen', { count: scope.accountIds.length })}
          </p>
          <fieldset>
            <legend className="visually-hidden">{t('scans.scopeAccounts')}</legend>
            {(search.data?.accounts ?? []).map((a) => (
              <div className="form-check small" key={a.id}>
                <input
                  className="form-check-input"
                  type="checkbox"
                  id={`${idPrefix}-acct-${a.id}`}
                  checked={scope.accountIds.includes(a.id)}
                  onChange={() => toggle(a.id)}
                />
                <label className="form-check-label" htmlFor={`${idPrefix}-acct-${a.id}`}>
                  {a.name} <span className="font-monospace text-body-secondary">{a.id}</span> {a.ouPath}
                </label>
              </div>
            ))}
          </fieldset>
        </div>
      )}
    </fieldset>
  );
}
