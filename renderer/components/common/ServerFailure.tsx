// A server call that failed, said in the reader's language (serverErrorText), with a retry.
import { useTranslation } from 'react-i18next';
import { serverErrorText } from './serverError';

export function ServerFailure({
  text,
  error,
  onRetry,
}: {
  /** the sentence around the reason, e.g. t('planScreen.membersFailed', { message }) */
  readonly text: (message: string) => string;
  readonly error: unknown;
  readonly onRetry: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="row-form server-failure">
      <p className="error" role="alert">
        {text(serverErrorText(error, t))}
      </p>
      <button type="button" onClick={onRetry}>
        {t('errors.retry')}
      </button>
    </div>
  );
}
