import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckIcon, CopyIcon } from './Icons';

type CopyState = 'idle' | 'copied' | 'failed';

/** The Clipboard API exists only in secure contexts (HTTPS or localhost); plain HTTP needs the old way. */
async function copyText(text: string): Promise<boolean> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused: fall through to the textarea method.
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/** Copies `text`; `label` names what is copied for screen readers ("Copy trust policy"). */
export function CopyButton({ text, label, className }: { text: string; label: string; className?: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2500);
    return () => window.clearTimeout(timer);
  }, [state]);
  return (
    <span className="d-inline-flex align-items-center gap-2">
      <button
        type="button"
        className={`btn btn-sm ${state === 'copied' ? 'btn-success' : 'btn-outline-primary'} d-inline-flex align-items-center gap-1 ${className ?? ''}`}
        aria-label={label}
        onClick={() => void copyText(text).then((ok) => setState(ok ? 'copied' : 'failed'))}
      >
        {state === 'copied' ? <CheckIcon size={16} /> : <CopyIcon size={16} />}
        <span>{state === 'copied' ? t('common.copied') : t('common.copy')}</span>
      </button>
      <span className="small text-danger" aria-live="polite">
        {state === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </span>
  );
}
