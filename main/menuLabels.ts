// The native menu's words in the UI language. English and Russian are here; Turkmen falls back
// to English until the project's Turkmen catalogue is translated (shared/i18n/ui/tk.ts is still
// English too), rather than shipping unchecked Turkmen.

export interface MenuLabels {
  readonly file: string;
  readonly newPlan: string;
  readonly openPlanFile: string;
  readonly savePlanFile: string;
  readonly importPlan: string;
  readonly exportPlan: string;
  readonly hostWorkshop: string;
  readonly quit: string;
  readonly edit: string;
  readonly undo: string;
  readonly redo: string;
  readonly cut: string;
  readonly copy: string;
  readonly paste: string;
  readonly selectAll: string;
  readonly view: string;
  readonly reload: string;
  readonly developerTools: string;
  readonly actualSize: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly fullScreen: string;
  readonly window: string;
  readonly help: string;
  readonly about: (version: string) => string;
  readonly openLogsFolder: string;
}

const en: MenuLabels = {
  file: '&File',
  newPlan: 'New Plan',
  openPlanFile: 'Open Plan File…',
  savePlanFile: 'Save Plan File…',
  importPlan: 'Import…',
  exportPlan: 'Export…',
  hostWorkshop: 'Host a Workshop…',
  quit: 'Quit',
  edit: '&Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  view: '&View',
  reload: 'Reload',
  developerTools: 'Developer Tools',
  actualSize: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  fullScreen: 'Full Screen',
  window: '&Window',
  help: '&Help',
  about: (version) => `About Accord ${version}`,
  openLogsFolder: 'Open Logs Folder',
};

const ru: MenuLabels = {
  file: '&Файл',
  newPlan: 'Новый план',
  openPlanFile: 'Открыть файл плана…',
  savePlanFile: 'Сохранить файл плана…',
  importPlan: 'Импорт…',
  exportPlan: 'Экспорт…',
  hostWorkshop: 'Провести семинар…',
  quit: 'Выход',
  edit: '&Правка',
  undo: 'Отменить',
  redo: 'Повторить',
  cut: 'Вырезать',
  copy: 'Копировать',
  paste: 'Вставить',
  selectAll: 'Выделить всё',
  view: '&Вид',
  reload: 'Перезагрузить',
  developerTools: 'Инструменты разработчика',
  actualSize: 'Обычный размер',
  zoomIn: 'Увеличить',
  zoomOut: 'Уменьшить',
  fullScreen: 'Во весь экран',
  window: '&Окно',
  help: '&Справка',
  about: (version) => `О программе Accord ${version}`,
  openLogsFolder: 'Открыть папку журналов',
};

/** Labels for an OS locale or UI language such as "ru", "ru-RU", "tk-TM" or "en-GB". */
export function menuLabels(locale: string): MenuLabels {
  const language = locale.toLowerCase().split(/[-_]/)[0];
  return language === 'ru' ? ru : en;
}
