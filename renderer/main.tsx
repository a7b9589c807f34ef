// Entry point: i18n, the server query cache, the local replica (chosen once: desktop store or IndexedDB), the app, and the
// service worker that lets the web app reload with no network.
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './components/shell/App';
import { PlanFiles } from './components/planFile/PlanFiles';
import { HostWorkshop } from './components/workshop/HostWorkshop';
import { createAppI18n } from './i18n/setup';
import { localStore } from './session/localReplica';
import { createQueryClient } from './session/serverQueries';
import './styles.css';

const i18n = createAppI18n();
const queryClient = createQueryClient();
const theme = localStorage.getItem('accord.theme');
document.documentElement.dataset.theme =
  theme === 'dark' || theme === 'light'
    ? theme
    : matchMedia('(prefers-color-scheme: dark)').matches
      ? 'dark'
      : 'light';

void localStore().then((store) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <App replicaFactory={store.open} />
          <HostWorkshop />
          <PlanFiles />
        </QueryClientProvider>
      </I18nextProvider>
    </StrictMode>,
  ),
);

// The Workbox service worker (vite.config.ts) only for a page served over http(s): Electron's
// app:// protocol serves the build from disk, and the dev server has no precache to serve.
if ('serviceWorker' in navigator && location.protocol.startsWith('http') && import.meta.env.PROD) {
  void navigator.serviceWorker.register('./sw.js');
}
