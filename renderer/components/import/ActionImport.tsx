// Where the action import opens from: the Actions screen's Import button and the desktop menu's
// File > Import… (the workspace listens for it). Mounted by the workspace; renders nothing until
// asked, and the dialog's code (and exceljs, for XLSX) loads only then.
import { lazy, Suspense } from 'react';
import { create } from 'zustand';
import { selectCanEdit, usePlanStore } from '../../state/planStore';

const ActionImportDialog = lazy(() =>
  import('./ActionImportDialog').then((module) => ({ default: module.ActionImportDialog })),
);

const useActionImport = create<{ open: boolean }>()(() => ({ open: false }));

/** Opens the import dialog, unless this user cannot edit the plan (viewers never import). */
export function openActionImport(): void {
  if (selectCanEdit(usePlanStore.getState())) useActionImport.setState({ open: true });
}

export function ActionImport() {
  const open = useActionImport((state) => state.open);
  const canEdit = usePlanStore(selectCanEdit);
  if (!open || !canEdit) return null;
  return (
    <Suspense fallback={null}>
      <ActionImportDialog onClose={() => useActionImport.setState({ open: false })} />
    </Suspense>
  );
}
