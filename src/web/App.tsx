import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout';
import { RedirectIfSignedIn, RequireAuth } from './components/RequireAuth';
import { Loading } from './components/States';
import { lazyNamed } from './lazyNamed';
import { DashboardPage } from './pages/dashboard/DashboardPage';
import { NotFoundPage } from './pages/not-found/NotFoundPage';
import { SignInPage } from './pages/signin/SignInPage';

// Every page but the first screens (sign-in, dashboard) is its own chunk, loaded when opened.
const AdvisorPage = lazyNamed(() => import('./pages/advisor/AdvisorPage'), 'AdvisorPage');
const RegisterPage = lazyNamed(() => import('./pages/register/RegisterPage'), 'RegisterPage');
const ResourcesPage = lazyNamed(() => import('./pages/resources/ResourcesPage'), 'ResourcesPage');
const AccountSettings = lazyNamed(() => import('./pages/settings/AccountSettings'), 'AccountSettings');
const ApiTokensSettings = lazyNamed(() => import('./pages/settings/ApiTokensSettings'), 'ApiTokensSettings');
const AwsAccessSettings = lazyNamed(() => import('./pages/settings/AwsAccessSettings'), 'AwsAccessSettings');
const IamPolicySettings = lazyNamed(() => import('./pages/settings/IamPolicySettings'), 'IamPolicySettings');
const NotificationsSettings = lazyNamed(
  () => import('./pages/settings/NotificationsSettings'),
  'NotificationsSettings',
);
const SchedulesSettings = lazyNamed(() => import('./pages/settings/SchedulesSettings'), 'SchedulesSettings');
const SettingsPage = lazyNamed(() => import('./pages/settings/SettingsPage'), 'SettingsPage');
const SpendPage = lazyNamed(() => import('./pages/spend/SpendPage'), 'SpendPage');

export function App() {
  return (
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
