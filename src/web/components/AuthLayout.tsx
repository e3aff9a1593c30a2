import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFocusOnRouteChange } from './focus';
import { CloudIcon } from './Icons';
import { LanguageSwitch } from './LanguageSwitch';

/** The signed-out frame: brand, language switch and one centred card. */
export function AuthLayout({
  title,
  children,
  footer,
}: {
  title: string;
  children: ReactNode;
  footer: ReactNode;
}) {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  useFocusOnRouteChange(mainRef);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className="auth-page min-vh-100 d-flex flex-column">
      <a className="visually-hidden-focusable skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="container py-3 d-flex align-items-center justify-content-between gap-3">
        <span className="d-flex align-items-center gap-2 fw-semibold text-white fs-5">
          <CloudIcon size={28} />
          {t('app.name')}
        </span>
        <LanguageSwitch variant="dark" />
      </header>
      <main
        ref={mainRef}
        id="main"
        tabIndex={-1}
        className="container flex-grow-1 d-flex align-items-center justify-content-center py-4"
      >
        <div className="auth-card card border-0 shadow-lg w-100">
          <div className="card-body p-4 p-sm-5">
            <p className="text-body-secondary small mb-1">{t('app.tagline')}</p>
            <h1 className="h3 mb-4">{title}</h1>
            {children}
          </div>
          <div className="card-footer bg-body-tertiary text-center py-3 small">{footer}</div>
        </div>
      </main>
    </div>
  );
}

/** The submit button of a signed-out form: full width, a little taller. */
export const AUTH_SUBMIT_CLASS = 'btn btn-primary w-100 py-2 mt-2';

/** The card footer's pointer to the other form ("No account yet? Create one"). */
export function AuthFooter({ text, to, link }: { text: string; to: string; link: string }) {
  return (
    <>
      {text} <Link to={to}>{link}</Link>
    </>
  );
}
