import '../../components/advisor/advisor.css';
import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router-dom';
import { KEEP_FOCUS } from '../../components/focus';
import { PageHeader } from '../../components/PageHeader';
import { ComplianceView } from './ComplianceView';
import { HistoryView } from './HistoryView';
import { NewRunView } from './NewRunView';
import { ResultsView } from './ResultsView';
import { SettingsView } from './SettingsView';
import { ScansView } from './scans/ScansView';
import { ScanView } from './scans/ScanView';

const TABS = [
  { to: '/advisor', key: 'results', end: true },
  { to: '/advisor/compliance', key: 'compliance', end: false },
  { to: '/advisor/new', key: 'new', end: false },
  { to: '/advisor/history', key: 'history', end: false },
  { to: '/advisor/scans', key: 'scans', end: false },
  { to: '/advisor/settings', key: 'settings', end: false },
] as const;

/** Service Advisor: results (index, first on every screen), compliance, a new run, history and comparison, check thresholds. */
export function AdvisorPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.advisor.title')}>{t('pages.advisor.emptyBody')}</PageHeader>
      <nav aria-label={t('advisor.tabs.label')}>
        <ul className="nav nav-underline advisor-tabs mb-4 border-bottom">
          {TABS.map((tab) => (
            <li className="nav-item" key={tab.key}>
              {/* The tabs stay on screen: focus stays on the chosen one, not the page heading above. */}
              <NavLink className="nav-link" to={tab.to} end={tab.end} state={KEEP_FOCUS}>
                {tab.key === 'compliance'
                  ? t('compliance.tab')
                  : tab.key === 'scans'
                    ? t('scans.tab')
                    : t(`advisor.tabs.${tab.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<ResultsView />} />
        <Route path="compliance" element={<ComplianceView />} />
        <Route path="new" element={<NewRunView />} />
        <Route path="history" element={<HistoryView />} />
        <Route path="scans" element={<ScansView />} />
        <Route path="scans/:scanId" element={<ScanView />} />
        <Route path="settings" element={<SettingsView />} />
      </Routes>
    </>
  );
}
