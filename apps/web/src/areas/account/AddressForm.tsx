import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, TextField } from '../../components/Field.tsx';
import { describeError } from './describeError.ts';
import { KZ_CITIES, type Address, type AddressInput } from './api.ts';
import { SelectField } from './ProfilePage.tsx';

type Errors = Partial<
  Record<'recipient' | 'city' | 'street' | 'postalCode' | 'coordinates' | 'phone', string>
>;

const COUNTRIES = ['KZ', 'KG', 'UZ', 'RU'] as const;

/** Add or edit an address: Kazakh ones pick a city from the list, with a 6-digit postal code and an optional pin. */
export function AddressForm({
  initial,
  pending,
  serverError,
  onSubmit,
  onCancel,
}: {
  initial?: Address;
  pending: boolean;
  serverError: unknown;
  onSubmit: (input: AddressInput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('account');
  const [v, setV] = useState({
    label: initial?.label ?? '',
    recipient: initial?.recipient ?? '',
    phone: initial?.phone ?? '',
    country: initial?.country ?? 'KZ',
    city: initial?.city ?? 'Almaty',
    street: initial?.street ?? '',
    postalCode: initial?.postalCode ?? '',
    lat: initial?.lat?.toString() ?? '',
    lng: initial?.lng?.toString() ?? '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const [locating, setLocating] = useState(false);
  const set = (field: keyof typeof v) => (value: string) =>
    setV((current) => ({ ...current, [field]: value }));
  const { t: tRoot } = useTranslation();

  function validate(): Errors {
    const found: Errors = {};
    if (!v.recipient.trim()) found.recipient = t('addresses.errors.required');
    if (!v.street.trim()) found.street = t('addresses.errors.required');
    if (!v.city.trim()) found.city = t('addresses.errors.required');
    if (v.country === 'KZ' && !/^[0-9]{6}$/.test(v.postalCode.trim()))
      found.postalCode = t('addresses.errors.postalCode');
    if (v.country !== 'KZ' && !v.postalCode.trim()) found.postalCode = t('addresses.errors.required');
    const phone = v.phone.replace(/[\s()-]/g, '');
    if (phone && !/^\+[1-9][0-9]{6,14}$/.test(phone)) found.phone = t('profile.phoneInvalid');
    const lat = v.lat.trim();
    const lng = v.lng.trim();
    if ((lat === '') !== (lng === '')) found.coordinates = t('addresses.errors.bothCoordinates');
    else if (
      lat !== '' &&
      (!isFinite(Number(lat)) ||
        !isFinite(Number(lng)) ||
        Math.abs(Number(lat)) > 90 ||
        Math.abs(Number(lng)) > 180)
    )
      found.coordinates = t('addresses.errors.coordinates');
    return found;
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0] === 'coordinates' ? 'lat' : Object.keys(found)[0];
      const element = event.currentTarget.elements.namedItem(first ?? '');
      if (element instanceof HTMLElement) element.focus();
      return;
    }
    onSubmit({
      label: v.label.trim() || null,
      recipient: v.recipient.trim(),
      phone: v.phone.replace(/[\s()-]/g, '') || null,
      country: v.country,
      city: v.city.trim(),
      street: v.street.trim(),
      postalCode: v.postalCode.trim(),
      lat: v.lat.trim() === '' ? null : Number(v.lat),
      lng: v.lng.trim() === '' ? null : Number(v.lng),
    });
  }

  function locate() {
    if (!('geolocation' in navigator)) return;
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setV((current) => ({
          ...current,
          lat: position.coords.latitude.toFixed(6),
          lng: position.coords.longitude.toFixed(6),
        }));
        setLocating(false);
      },
      () => {
        setErrors((current) => ({ ...current, coordinates: t('addresses.errors.locate') }));
        setLocating(false);
      },
      { timeout: 10_000 },
    );
  }

  const err = (field: keyof Errors) => errors[field];
  const hasPin = v.lat.trim() !== '' && v.lng.trim() !== '';
  return (
    <form className="cab-form" onSubmit={submit} noValidate data-testid="address-form">
      {serverError !== null && serverError !== undefined && (
        <FormAlert>{describeError(serverError, t, tRoot)}</FormAlert>
      )}
      <div className="cab-form__row">
        <TextField
          label={t('addresses.label')}
          name="label"
          optional
          maxLength={50}
          value={v.label}
          onChange={(e) => set('label')(e.target.value)}
          placeholder={t('addresses.labelPlaceholder')}
        />
        <TextField
          label={t('addresses.recipient')}
          name="recipient"
          maxLength={100}
          value={v.recipient}
          error={err('recipient')}
          onChange={(e) => set('recipient')(e.target.value)}
          autoComplete="name"
        />
      </div>
      <div className="cab-form__row">
        <SelectField
          label={t('addresses.country')}
          name="country"
          value={v.country}
          options={COUNTRIES.map((c) => [c, t(`addresses.countries.${c}`)] as const)}
          onChange={(country) =>
            setV((current) => ({ ...current, country, city: country === 'KZ' ? 'Almaty' : '' }))
          }
        />
        {v.country === 'KZ' ? (
          <SelectField
            label={t('addresses.city')}
            name="city"
            value={v.city}
            options={KZ_CITIES.map((c) => [c, c] as const)}
            onChange={set('city')}
          />
        ) : (
          <TextField
            label={t('addresses.city')}
            name="city"
            value={v.city}
            error={err('city')}
            onChange={(e) => set('city')(e.target.value)}
          />
        )}
      </div>
      <TextField
        label={t('addresses.street')}
        name="street"
        maxLength={200}
        value={v.street}
        error={err('street')}
        onChange={(e) => set('street')(e.target.value)}
        autoComplete="street-address"
        placeholder={t('addresses.streetPlaceholder')}
      />
      <div className="cab-form__row">
        <TextField
          label={t('addresses.postalCode')}
          name="postalCode"
          inputMode={v.country === 'KZ' ? 'numeric' : 'text'}
          maxLength={16}
          value={v.postalCode}
          error={err('postalCode')}
          hint={v.country === 'KZ' ? t('addresses.postalHint') : undefined}
          onChange={(e) => set('postalCode')(e.target.value)}
          autoComplete="postal-code"
        />
        <TextField
          label={t('addresses.phone')}
          name="phone"
          type="tel"
          optional
          value={v.phone}
          error={err('phone')}
          onChange={(e) => set('phone')(e.target.value)}
          autoComplete="tel"
        />
      </div>
      <fieldset className="cab-fieldset">
        <legend className="field__label">{t('addresses.pin')}</legend>
        <div className="cab-form__row">
          <TextField
            label={t('addresses.lat')}
            name="lat"
            inputMode="decimal"
            value={v.lat}
            error={err('coordinates')}
            onChange={(e) => set('lat')(e.target.value)}
          />
          <TextField
            label={t('addresses.lng')}
            name="lng"
            inputMode="decimal"
            value={v.lng}
            onChange={(e) => set('lng')(e.target.value)}
          />
        </div>
        <div className="cab-actions">
          <button type="button" className="btn btn--ghost" onClick={locate} disabled={locating}>
            {locating ? t('addresses.locating') : t('addresses.useLocation')}
          </button>
          {hasPin && (
            <a
              className="btn btn--ghost"
              target="_blank"
              rel="noreferrer"
              href={`https://www.openstreetmap.org/?mlat=${v.lat}&mlon=${v.lng}#map=17/${v.lat}/${v.lng}`}
            >
              {t('addresses.showOnMap')}
            </a>
          )}
        </div>
      </fieldset>
      <div className="cab-actions">
        <button type="submit" className="btn btn--primary" disabled={pending}>
          {pending ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
