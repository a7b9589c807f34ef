// The built-in frameworks for the UI: those that load with the app at once, then the 17 SDGs as
// well once their module (about 340 KB) has loaded, so no screen waits for it.
import { useEffect, useState } from 'react';
import { builtInFrameworks, type Framework } from '../../../shared/frameworks';

let all: readonly Framework[] | null = null;

async function loadAll(): Promise<readonly Framework[]> {
  all ??= (await import('../../../shared/frameworks/all')).allBuiltInFrameworks;
  return all;
}

export function useBuiltInFrameworks(): readonly Framework[] {
  const [frameworks, setFrameworks] = useState(all ?? builtInFrameworks);
  useEffect(() => {
    if (all) return;
    let current = true;
    void loadAll().then((loaded) => {
      if (current) setFrameworks(loaded);
    });
    return () => {
      current = false;
    };
  }, []);
  return frameworks;
}
