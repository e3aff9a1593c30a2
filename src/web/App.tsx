import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout';
import { RedirectIfSignedIn, RequireAuth } from './components/RequireAuth';
import { Loading } from './components/States';
import { lazyNamed } from './lazyNamed';
import { NotFoundPage } from './pages/not-found/NotFoundPage';
import { SignInPage } from './pages/signin/SignInPage';

// Every page but sign-in is its own chunk, loaded when first opened: the sign-in screen downloads
// only itself and the frame (sizes in BENCHMARKS.md, "First load: page chunks").
const AdvisorPage = lazyNamed(() => import('./pages/advisor/AdvisorPage'), 'AdvisorPage');
const DashboardPage = lazyNamed(() => import('./pages/dashboard/DashboardPage'), 'DashboardPage');
const OrgAccountsPage = lazyNamed(() => import('./pages/orgs/OrgAccountsPage'), 'OrgAccountsPage');
const RegisterPage = lazyNamed(() => import('./pages/register/RegisterPage'), 'RegisterPage');
const ResourcesPage = lazyNamed(() => import('./pages/resources/ResourcesPage'), 'ResourcesPage');
const SpendPage = lazyNamed(() => import('./pages/spend/SpendPage'), 'SpendPage');
const SettingsPage = lazyNamed(() => import('./pages/settings/SettingsPage'), 'SettingsPage');
const AccountSettings = lazyNamed(() => import('./pages/settings/AccountSettings'), 'AccountSettings');
const ApiTokensSettings = lazyNamed(() => import('./pages/settings/ApiTokensSettings'), 'ApiTokensSettings');
const AwsAccessSettings = lazyNamed(() => import('./pages/settings/AwsAccessSettings'), 'AwsAccessSettings');
const IamPolicySettings = lazyNamed(() => import('./pages/settings/IamPolicySettings'), 'IamPolicySettings');
const NotificationsSettings = lazyNamed(
  () => import('./pages/settings/NotificationsSettings'),
  'NotificationsSettings',
);
const SchedulesSettings = lazyNamed(() => import('./pages/settings/SchedulesSettings'), 'SchedulesSettings');

export function App() {
  return (
    // Pages inside the signed-in frame wait in the frame's own boundary (Layout); this one covers
    // the register page, which has no frame around it.
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route element={<RedirectIfSignedIn />}>
          <Route path="/signin" element={<SignInPage />} />
          <Route path="/register" element={<RegisterPage />} />
        </Route>
        <Route element={<RequireAuth />}>
          <Route element={<Layout />}>
            <Route index element={<DashboardPage />} />
            <Route path="resources/*" element={<ResourcesPage />} />
            <Route path="advisor/*" element={<AdvisorPage />} />
            <Route path="spend" element={<SpendPage />} />
            <Route path="settings" element={<SettingsPage />}>
              <Route index element={<Navigate to="aws" replace />} />
              <Route path="aws" element={<AwsAccessSettings />} />
              <Route path="aws/orgs/:connectionId" element={<OrgAccountsPage />} />
              <Route path="iam-policy" element={<IamPolicySettings />} />
              <Route path="tokens" element={<ApiTokensSettings />} />
              <Route path="schedules" element={<SchedulesSettings />} />
              <Route path="notifications" element={<NotificationsSettings />} />
              <Route path="account" element={<AccountSettings />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
