// A file chooser that reads in the UI's language (.file-button: the native input's own words
// follow the browser's, not the app's). The input stays in the page for the keyboard and screen
// readers; it is emptied after each choice so that choosing the same file again reads it again.
interface Props {
  readonly label: string;
  readonly accept: string;
  readonly onFile: (file: File) => void;
  readonly disabled?: boolean;
  /** a quieter button, beside a form's own primary button */
  readonly secondary?: boolean;
}

export function FileChooser({ label, accept, onFile, disabled = false, secondary = false }: Props) {
  return (
    <label className={`file-button${secondary ? ' secondary' : ''}`}>
      <span>{label}</span>
      <input
        type="file"
        accept={accept}
        disabled={disabled}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
