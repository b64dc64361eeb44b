import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Icon } from '../../components/Icon.tsx';
import { normaliseNumber, S10_PATTERN } from './api.ts';

/** The tracking number box: checks the S10 shape before leaving for the parcel's page. */
export function TrackSearch({ initial = '', autoFocus = false }: { initial?: string; autoFocus?: boolean }) {
  const { t } = useTranslation('tracking');
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const number = normaliseNumber(value);
    if (!S10_PATTERN.test(number)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    void navigate(`/track/${number}`);
  };
  return (
    <form className="trk-search" role="search" onSubmit={onSubmit} noValidate>
      <label htmlFor="trk-number" className="visually-hidden">
        {t('search.label')}
      </label>
      <div className="trk-search__row">
        <input
          id="trk-number"
          name="trackingNumber"
          className="input trk-search__input"
          placeholder={t('search.placeholder')}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          autoFocus={autoFocus}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? 'trk-number-error' : undefined}
        />
        <button type="submit" className="btn btn--primary">
          <Icon name="search" size={18} />
          <span>{t('search.submit')}</span>
        </button>
      </div>
      {invalid && (
        <p id="trk-number-error" className="field__error">
          <Icon name="alert" size={16} />
          <span>{t('search.invalid')}</span>
        </p>
      )}
    </form>
  );
}
