// Must stay first: configures zod before any module builds a schema (see zod-config.ts).
import './zod-config';
import 'bootstrap/dist/css/bootstrap.min.css';
import 'bootstrap/dist/js/bootstrap.bundle.min.js';
import 'pretendard/dist/web/variable/pretendardvariable-dynamic-subset.css';
import './styles.css';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
import { ApiRequestError, createApiClient } from './api/client';
import { ApiContext, queryKeys } from './api/hooks';
import { ErrorBoundary } from './components/ErrorBoundary';
import { createI18n } from './i18n';

async function start(): Promise<void> {
  const i18n = await createI18n();
  const api = createApiClient();
  // Any 401 means the session ended (idle timeout, sign-out elsewhere): the route guard then
  // sends the user to the sign-in page instead of each page handling it.
  const onError = (error: unknown) => {
    if (error instanceof ApiRequestError && error.status === 401) {
      queryClient.setQueryData(queryKeys.me, { user: null });
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: (failures, error) =>
          failures < 2 && !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ApiContext.Provider value={api}>
          <QueryClientProvider client={queryClient}>
            <BrowserRouter>
              <ErrorBoundary>
                <App />
              </ErrorBoundary>
            </BrowserRouter>
          </QueryClientProvider>
        </ApiContext.Provider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
