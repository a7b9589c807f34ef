// File > Host a workshop (desktop only): opens the workshop dialog for the plan on screen. Mounted
// once by the app; renders nothing until the menu asks, and nothing at all in a browser.
import { useEffect, useState } from 'react';
import { onMenuCommand } from '../../session/desktopEvents';
import { useViewStore } from '../../state/viewStore';
import { HostWorkshopDialog } from './HostWorkshopDialog';
import { workshopBridge } from './workshopBridge';

export function HostWorkshop() {
  const [open, setOpen] = useState(false);
  const planId = useViewStore((state) => state.planId);
  const [bridge] = useState(workshopBridge);

  useEffect(() => {
    if (!bridge) return;
    return onMenuCommand('hostWorkshop', () => setOpen(true));
  }, [bridge]);

  if (!bridge || !open) return null;
  return <HostWorkshopDialog bridge={bridge} planId={planId} onClose={() => setOpen(false)} />;
}
