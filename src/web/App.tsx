import { Navigate, Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout';
import { RedirectIfSignedIn, RequireAuth } from './components/RequireAuth';
import { AdvisorPage } from './pages/advisor/AdvisorPage';
import { DashboardPage } from './pages/dashboard/DashboardPage';
import { NotFoundPage } from './pages/not-found/NotFoundPage';
import { OrgAccountsPage } from './pages/orgs/OrgAccountsPage';
import { RegisterPage } from './pages/register/RegisterPage';
import { ResourcesPage } from './pages/resources/ResourcesPage';
import { AccountSettings } from './pages/settings/AccountSettings';
import { ApiTokensSettings } from './pages/settings/ApiTokensSettings';
import { AwsAccessSettings } from './pages/settings/AwsAccessSettings';
import { IamPolicySettings } from './pages/settings/IamPolicySettings';
import { NotificationsSettings } from './pages/settings/NotificationsSettings';
import { SchedulesSettings } from './pages/settings/SchedulesSettings';
import { SettingsPage } from './pages/settings/SettingsPage';
import { SignInPage } from './pages/signin/SignInPage';
import { SpendPage } from './pages/spend/SpendPage';

export function App() {
  return (
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
  );
}
