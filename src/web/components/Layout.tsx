import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { useMe } from '../api/hooks';
import { useScope } from '../scope';
import { FocusPageOnArrival } from './focus';
import { CloudIcon } from './Icons';
import { LanguageSwitch } from './LanguageSwitch';
import { Loading } from './States';
import { AccountSwitcher } from './scope/AccountSwitcher';
import { UserMenu } from './UserMenu';

const NAV_ITEMS = [
  { to: '/', key: 'nav.dashboard', end: true, scoped: true },
  { to: '/resources', key: 'nav.resources', end: false, scoped: true },
  { to: '/advisor', key: 'nav.advisor', end: false, scoped: true },
  { to: '/spend', key: 'nav.spend', end: false, scoped: false },
  { to: '/settings', key: 'nav.settings', end: false, scoped: false },
] as const;

/** The signed-in frame: skip link, navbar (collapses on small screens), main landmark, footer. */
export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const username = me.data?.user?.username ?? '';
  const mainRef = useRef<HTMLElement>(null);
  // The account scope travels with the links between the pages that honour it.
  const { search } = useScope();

  // Close the mobile menu after navigating, so the new page is visible.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every route change by design
  useEffect(() => {
    document.getElementById('main-nav')?.classList.remove('show');
  }, [location.pathname]);

  return (
    <div className="d-flex flex-column min-vh-100">
      <a className="visually-hidden-focusable skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header>
        {/* Expanded from 1200 px, across the whole width up to 1400 px (container-xxl): the menu, the
            account switcher, language and user menu fit on one row there in ko and en (header.test.ts). */}
        <nav className="navbar navbar-expand-xl navbar-dark app-navbar" aria-label={t('app.mainNavigation')}>
          <div className="container-xxl">
            <Link className="navbar-brand d-flex align-items-center gap-2 fw-semibold" to="/">
              <CloudIcon size={26} />
              <span>{t('app.name')}</span>
            </Link>
            <button
              className="navbar-toggler"
              type="button"
              data-bs-toggle="collapse"
              data-bs-target="#main-nav"
              aria-controls="main-nav"
              aria-expanded="false"
              aria-label={t('app.toggleNavigation')}
            >
              <span className="navbar-toggler-icon" />
            </button>
            <div className="collapse navbar-collapse" id="main-nav">
              <ul className="navbar-nav me-auto mb-2 mb-xl-0">
                {NAV_ITEMS.map((item) => (
                  <li className="nav-item" key={item.to}>
                    <NavLink
                      className="nav-link"
                      to={{ pathname: item.to, search: item.scoped ? search : '' }}
                      end={item.end}
                    >
                      {t(item.key)}
                    </NavLink>
                  </li>
                ))}
              </ul>
              <div className="d-flex flex-wrap flex-xl-nowrap align-items-center gap-3 pb-2 pb-xl-0">
                {username && <AccountSwitcher />}
                <LanguageSwitch variant="dark" />
                {username && <UserMenu username={username} />}
              </div>
            </div>
          </div>
        </nav>
      </header>
      <main ref={mainRef} id="main" className="flex-grow-1 container-xl py-4" tabIndex={-1}>
        {/* Pages load as their own chunks: the header and menu stay while one arrives. */}
        <Suspense fallback={<Loading />}>
          <FocusPageOnArrival container={mainRef} />
          <Outlet />
        </Suspense>
      </main>
      <footer className="border-top py-3 text-body-secondary small">
        <div className="container-xl">{t('app.tagline')}</div>
      </footer>
    </div>
  );
}
