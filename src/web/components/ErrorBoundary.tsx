import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function CrashNotice() {
  const { t } = useTranslation();
  return (
    <main className="container py-5">
      <div className="alert alert-danger" role="alert">
        <h1 className="h5">{t('errors.unknown')}</h1>
        <button
          type="button"
          className="btn btn-outline-danger btn-sm mt-2"
          onClick={() => window.location.reload()}
        >
          {t('common.reload')}
        </button>
      </div>
    </main>
  );
}

/** A rendering bug shows a localized notice with a reload button instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('UI crashed', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <CrashNotice /> : this.props.children;
  }
}
