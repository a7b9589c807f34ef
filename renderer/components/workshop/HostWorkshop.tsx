// File > Host a workshop (desktop only): opens the workshop dialog for the plan on screen. Mounted
// once by the app; renders nothing until the menu asks, and nothing at all in a browser.
import { useState } from 'react';
import { hostWorkshop } from '../../commands/commands';
import { useCommands } from '../../commands/useCommands';
import { useViewStore } from '../../state/viewStore';
import { HostWorkshopDialog } from './HostWorkshopDialog';
import { workshopBridge } from './workshopBridge';

const WORKSHOP_COMMANDS = [hostWorkshop];

export function HostWorkshop() {
  const [open, setOpen] = useState(false);
  const planId = useViewStore((state) => state.planId);
  const [bridge] = useState(workshopBridge);

  useCommands(WORKSHOP_COMMANDS, { hostWorkshop: () => setOpen(true) });

  if (!bridge || !open) return null;
  return <HostWorkshopDialog bridge={bridge} planId={planId} onClose={() => setOpen(false)} />;
}
