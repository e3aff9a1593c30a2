import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateMuteBody, FindingDto } from '../../../shared/api/advisor';
import { fieldErrors } from '../../api/client';
import { trapTab } from '../focus';
import { ErrorAlert } from '../States';

/**
 * Mute one finding (check + resource + region) or the whole check, with a reason and an optional
 * expiry date (the end of that day in the viewer's time zone). Bootstrap modal markup driven by
 * React, like ConfirmDialog: Escape closes, Tab stays inside, focus starts in the reason field.
 */
export function MuteDialog({
  finding,
  title,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  finding: FindingDto;
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
    // <input type="date"> gives YYYY-MM-DD; the mute lasts through that whole local day.
    if (expires) body.expiresAt = new Date(`${expires}T23:59:59`).toISOString();
    onSubmit(body);
  };

  const reasonError = reasonMissing ? t('advisor.mute.reasonRequired') : serverFields.reason;
  const expiresError = serverFields.expiresAt;
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
