// Every built-in framework, the 17 SDGs included, for code that runs away from the UI's first
// paint: exports, imports, the server. The renderer loads this module on demand.
import { builtInFrameworks } from './index';
import { sdgs } from './sdgs';
import type { Framework } from './types';

export const allBuiltInFrameworks: readonly Framework[] = [...builtInFrameworks, sdgs];
