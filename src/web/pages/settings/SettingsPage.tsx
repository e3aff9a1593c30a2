import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';

const TABS = [
  { to: 'aws', key: 'settings.tabs.aws' },
  { to: 'iam-policy', key: 'settings.tabs.iamPolicy' },
  { to: 'tokens', key: 'settings.tabs.tokens' },
  { to: 'schedules', key: 'settings.watch.tabs.schedules' },
  { to: 'notifications', key: 'settings.watch.tabs.notifications' },
  { to: 'account', key: 'settings.tabs.account' },
] as const;

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <nav aria-label={t('settings.title')} className="mb-4">
        <ul className="nav nav-underline settings-tabs border-bottom">
          {TABS.map((tab) => (
            <li className="nav-item" key={tab.to}>
              <NavLink className="nav-link" to={tab.to}>
                {t(tab.key)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
