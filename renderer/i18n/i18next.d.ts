// Types every t() call against the English catalogues: a key that does not exist is a type error,
// so `npm run typecheck` (and the build's check) fails on it.
import 'i18next';
import type plan from '../../shared/i18n/plan/en';
import type report from '../../shared/i18n/report/en';
import type ui from '../../shared/i18n/ui/en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'ui';
    resources: { ui: typeof ui; plan: typeof plan; report: typeof report };
  }
}
