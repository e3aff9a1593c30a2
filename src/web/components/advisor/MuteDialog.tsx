import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateMuteBody, FindingDto, MuteScope } from '../../../shared/api/advisor';
import { fieldErrors } from '../../api/client';
import { trapTab } from '../focus';
import { ErrorAlert } from '../States';
import type { MuteAccount } from './useMuteAccount';

type AccountChoice = MuteScope['kind'];

/** The rule's scope for the chosen accounts (all accounts: no scope, the server's default). */
function scopeOf(choice: AccountChoice, account: MuteAccount | null): MuteScope | undefined {
  if (!account || choice === 'all') return undefined;
  if (choice === 'ou' && account.ou)
    return { kind: 'ou', connectionId: account.connectionId, ouId: account.ou.id };
  return { kind: 'account', connectionId: account.connectionId, accountId: account.accountId };
}

/**
 * Mute one finding (check + resource + region) or the whole check — for the run's account, its OU
 * or every account when the user has more than one — with a reason and an optional expiry date (the end of that day in the viewer's time zone). Bootstrap modal markup driven by
 * React, like ConfirmDialog: Escape closes, Tab stays inside, focus starts in the reason field.
 */
export function MuteDialog({
  finding,
  account,
  title,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  finding: FindingDto;
  /** The run's account when there is a choice of accounts; null: the rule covers every account. */
  account: MuteAccount | null;
  title: string;
  busy: boolean;
  error: unknown;
  onSubmit: (body: CreateMuteBody) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const [scope, setScope] = useState<'resource' | 'check'>('resource');
  // Until the user chooses: a member of an organization mutes for itself only (safer), else everywhere.
  const [chosenAccounts, setAccounts] = useState<AccountChoice | null>(null);
  const accounts = chosenAccounts ?? (account?.inOrganization ? 'account' : 'all');
  const [reason, setReason] = useState('');
  const [expires, setExpires] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const onCancelRef = useRef(onCancel);
  onCancelRef.current = onCancel;
  const serverFields = fieldErrors(error, t);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    reasonRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onCancelRef.current();
      else if (dialogRef.current) trapTab(event, dialogRef.current);
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      opener?.focus();
    };
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonMissing(true);
      reasonRef.current?.focus();
      return;
    }
    const body: CreateMuteBody = { checkId: finding.checkId, reason: reason.trim() };
    if (scope === 'resource') {
      body.resourceId = finding.resourceId;
      body.region = finding.region;
    }
    const ruleScope = scopeOf(accounts, account);
    if (ruleScope) body.scope = ruleScope;
    // <input type="date"> gives YYYY-MM-DD; the mute lasts through that whole local day.
    if (expires) body.expiresAt = new Date(`${expires}T23:59:59`).toISOString();
    onSubmit(body);
  };

  const reasonError = reasonMissing ? t('advisor.mute.reasonRequired') : serverFields.reason;
  const expiresError = serverFields.expiresAt;
  const accountChoices: { kind: AccountChoice; label: string }[] = account
    ? [
        {
          kind: 'account',
          label: t('advisor.mute.accountOnly', { account: `${account.name} (${account.accountId})` }),
        },
        ...(account.ou
          ? [{ kind: 'ou' as const, label: t('advisor.mute.accountOu', { ou: account.ou.name }) }]
          : []),
        { kind: 'all', label: t('advisor.mute.accountAll') },
      ]
    : [];
  const resource = finding.resourceName ?? finding.resourceId;

  return (
    <>
      <div
        ref={dialogRef}
        className="modal d-block"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
      >
        <div className="modal-dialog modal-dialog-centered">
          <form className="modal-content shadow" onSubmit={submit} noValidate>
            <div className="modal-header">
              <h2 className="modal-title h5" id={`${id}-title`}>
                {t('advisor.mute.title')}
              </h2>
              <button type="button" className="btn-close" aria-label={t('common.close')} onClick={onCancel} />
            </div>
            <div className="modal-body">
              <p className="fw-semibold mb-3">{title}</p>
              {error !== null && error !== undefined && <ErrorAlert error={error} />}
              <fieldset className="mb-3">
                <legend className="form-label fs-6">{t('advisor.mute.scope')}</legend>
                <div className="form-check">
                  <input
                    className="form-check-input"
                    type="radio"
                    name={`${id}-scope`}
                    id={`${id}-resource`}
                    checked={scope === 'resource'}
                    onChange={() => setScope('resource')}
                  />
                  <label className="form-check-label text-break" htmlFor={`${id}-resource`}>
                    {t('advisor.mute.scopeResource', { resource })}
                  </label>
                </div>
                <div className="form-check">
                  <input
                    className="form-check-input"
                    type="radio"
                    name={`${id}-scope`}
                    id={`${id}-check`}
                    checked={scope === 'check'}
                    onChange={() => setScope('check')}
                  />
                  <label className="form-check-label" htmlFor={`${id}-check`}>
                    {t('advisor.mute.scopeCheck')}
                  </label>
                </div>
              </fieldset>
              {account && (
                <fieldset
                  className="mb-3"
                  aria-describedby={serverFields.scope ? `${id}-accounts-error` : undefined}
                >
                  <legend className="form-label fs-6">{t('advisor.mute.accounts')}</legend>
                  {accountChoices.map((choice) => (
                    <div className="form-check" key={choice.kind}>
                      <input
                        className="form-check-input"
                        type="radio"
                        name={`${id}-accounts`}
                        id={`${id}-accounts-${choice.kind}`}
                        checked={accounts === choice.kind}
                        onChange={() => setAccounts(choice.kind)}
                      />
                      <label
                        className="form-check-label text-break"
                        htmlFor={`${id}-accounts-${choice.kind}`}
                      >
                        {choice.label}
                      </label>
                    </div>
                  ))}
                  {serverFields.scope && (
                    <div id={`${id}-accounts-error`} className="invalid-feedback d-block">
                      {serverFields.scope}
                    </div>
                  )}
                </fieldset>
              )}
              <div className="mb-3">
                <label className="form-label" htmlFor={`${id}-reason`}>
                  {t('advisor.mute.reason')}
                </label>
                <textarea
                  ref={reasonRef}
                  id={`${id}-reason`}
                  className={`form-control ${reasonError ? 'is-invalid' : ''}`}
                  rows={2}
                  maxLength={500}
                  required
                  value={reason}
                  aria-describedby={`${id}-reason-help`}
                  onChange={(e) => {
                    setReason(e.target.value);
                    setReasonMissing(false);
                  }}
                />
                {reasonError && <div className="invalid-feedback">{reasonError}</div>}
                <div id={`${id}-reason-help`} className="form-text">
                  {t('advisor.mute.reasonHelp')}
                </div>
              </div>
              <div>
                <label className="form-label" htmlFor={`${id}-expires`}>
                  {t('advisor.mute.expires')}
                </label>
                <input
                  id={`${id}-expires`}
                  type="date"
                  className={`form-control ${expiresError ? 'is-invalid' : ''}`}
                  value={expires}
                  aria-describedby={`${id}-expires-help`}
                  onChange={(e) => setExpires(e.target.value)}
                />
                {expiresError && <div className="invalid-feedback">{expiresError}</div>}
                <div id={`${id}-expires-help`} className="form-text">
                  {t('advisor.mute.expiresHelp')}
                </div>
              </div>
            </div>
            <div className="modal-footer">
              <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {busy && <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />}
                {busy ? t('advisor.mute.submitting') : t('advisor.mute.submit')}
              </button>
            </div>
          </form>
        </div>
      </div>
      <div className="modal-backdrop show" />
    </>
  );
}
