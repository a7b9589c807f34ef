// A date typed in the UI language's order (31.12.2027 in Russian and Turkmen, 31/12/2027 in
// English), never the browser's: a native date input follows the operating system's locale, so a
// Russian screen showed 12/31/2027. Controlled on the typed text; `useDateText` turns it into the
// plan's ISO date and back.
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from './format';

/** The plan's `YYYY-MM-DD` as typed text and back, in the UI language. */
export function useDateText(): {
  /** '' for no date */
  readonly show: (iso: string | null | undefined) => string;
  /** '' for an empty field, null for text that is no real day */
  readonly read: (text: string) => string | null;
} {
  const { dateField } = useFormat();
  return {
    show: (iso) => (iso ? dateField.format(iso) : ''),
    read: (text) => (text.trim() === '' ? '' : dateField.parse(text)),
  };
}

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'> & {
  readonly value: string;
  readonly onChange: (text: string) => void;
  /** say that the text is no date (after the user left the field or tried to save it) */
  readonly invalid?: boolean;
};

export function DateInput({ value, onChange, invalid = false, ...input }: Props) {
  const { t } = useTranslation();
  const { dateField } = useFormat();
  const errorId = useId();
  const pattern = dateField.order.map((unit) => t(`dateInput.${unit}`)).join(dateField.separator);
  return (
    <>
      <input
        {...input}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={pattern}
        value={value}
        aria-invalid={invalid || input['aria-invalid'] || undefined}
        aria-describedby={
          [input['aria-describedby'], invalid ? errorId : undefined].filter(Boolean).join(' ') ||
          undefined
        }
        onChange={(event) => onChange(event.target.value)}
      />
      {invalid && (
        <span id={errorId} className="hint error" role="alert">
          {t('dateInput.invalid', { pattern, example: dateField.format('2027-12-31') })}
        </span>
      )}
    </>
  );
}

/**
 * A labelled date field. Its message stays outside the label, so the field's name is the label
 * alone (a <label> around the input would make the message part of its name).
 */
export function DateField({
  label,
  adornment,
  name,
  children,
  ...props
}: Props & {
  readonly label: string;
  readonly adornment?: ReactNode;
  readonly name?: string;
  /** more to say under the field */
  readonly children?: ReactNode;
}) {
  const id = useId();
  return (
    <div className="field" data-field-name={name}>
      <label htmlFor={id} className="field-label">
        {label} {adornment}
      </label>
      <DateInput {...props} id={id} />
      {children}
    </div>
  );
}
