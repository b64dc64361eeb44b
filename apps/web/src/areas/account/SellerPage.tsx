import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, refresh } from '../../api/client.ts';
import { workspacesOf } from '../../app/nav.ts';
import { useSession } from '../../auth/useSession.ts';
import { FormAlert, TextField } from '../../components/Field.tsx';
import { ErrorState } from '../../components/states.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { applicationQuery, keys, type SellerApplication } from './api.ts';
import { describeError } from './describeError.ts';
import { FormSkeleton } from './ProfilePage.tsx';

/** "Become a seller": the application form, then its status; an approval brings the seller role. */
export function SellerPage() {
  const { t } = useTranslation('account');
  useDocumentTitle(t('seller.title'));
  const { user } = useSession();
  const application = useQuery({
    ...applicationQuery,
    refetchInterval: (q) => (q.state.data?.status === 'pending' ? 15_000 : false),
  });
  const isSeller = user?.roles.includes('seller') ?? false;
  const approved = application.data?.status === 'approved';
  useEffect(() => {
    // Approved while signed in: a fresh token carries the seller role (and shows the seller links).
    if (approved && !isSeller) void refresh().catch(() => null);
  }, [approved, isSeller]);

  if (application.isPending) return <FormSkeleton rows={4} />;
  if (application.isError)
    return (
      <ErrorState
        title={t('seller.loadFailed')}
        error={application.error}
        onRetry={() => void application.refetch()}
      />
    );
  const current = application.data;
  if (isSeller || current?.status === 'approved') return <Approved application={current ?? null} />;
  if (current?.status === 'pending') return <Status application={current} />;
  return <ApplicationForm rejected={current?.status === 'rejected' ? current : null} />;
}

function Approved({ application }: { application: SellerApplication | null }) {
  const { t } = useTranslation('account');
  const { t: tRoot } = useTranslation();
  const { user } = useSession();
  const sellerLinks = workspacesOf(user).filter((item) => item.roles?.includes('seller'));
  return (
    <section className="panel" data-testid="seller-status" data-status="approved">
      <h1 className="panel__title">{t('seller.approvedTitle')}</h1>
      <p>
        {application ? t('seller.approvedText', { shop: application.shopName }) : t('seller.alreadySeller')}
      </p>
      <p>
        {t('seller.roleNow')} <span className="chip cab-chip--brand">{tRoot('roles.seller')}</span>
      </p>
      {sellerLinks.map((link) => (
        <Link key={link.to} to={link.to} className="btn btn--primary" data-testid="seller-panel-link">
          {tRoot(link.label)}
        </Link>
      ))}
    </section>
  );
}

function Status({ application }: { application: SellerApplication }) {
  const { t, i18n } = useTranslation('account');
  return (
    <section className="panel" data-testid="seller-status" data-status="pending">
      <h1 className="panel__title">{t('seller.pendingTitle')}</h1>
      <p>{t('seller.pendingText', { shop: application.shopName })}</p>
      <p className="cab-muted">
        {t('seller.filedAt', {
          when: new Date(application.createdAt).toLocaleString(i18n.language, {
            dateStyle: 'medium',
            timeStyle: 'short',
          }),
        })}
      </p>
    </section>
  );
}

type Fields = 'shopName' | 'legalName' | 'bin' | 'iban' | 'contactEmail' | 'contactPhone';

function ApplicationForm({ rejected }: { rejected: SellerApplication | null }) {
  const { t } = useTranslation('account');
  const { t: tRoot } = useTranslation();
  const { user } = useSession();
  const toast = useToast();
  const client = useQueryClient();
  const [v, setV] = useState<Record<Fields, string>>({
    shopName: rejected?.shopName ?? '',
    legalName: rejected?.legalName ?? '',
    bin: rejected?.bin ?? '',
    iban: rejected?.iban ?? '',
    contactEmail: rejected?.contactEmail ?? user?.email ?? '',
    contactPhone: rejected?.contactPhone ?? '',
  });
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const apply = useMutation({
    mutationFn: () =>
      api.post<SellerApplication>('/me/seller-application', {
        ...v,
        bin: v.bin.replace(/\s/g, ''),
        contactPhone: v.contactPhone.replace(/[\s()-]/g, ''),
        shopName: v.shopName.trim(),
        legalName: v.legalName.trim(),
      }),
    onSuccess: async (filed) => {
      client.setQueryData(keys.application, filed);
      toast.ok(t('seller.filed'));
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Partial<Record<Fields, string>> = {};
    if (v.shopName.trim().length < 2) found.shopName = t('seller.errors.shopName');
    if (v.legalName.trim().length < 2) found.legalName = t('seller.errors.legalName');
    if (!/^[0-9]{12}$/.test(v.bin.replace(/\s/g, ''))) found.bin = t('seller.errors.bin');
    if (!/^KZ[0-9]{2}[0-9A-Z]{16}$/.test(v.iban.replace(/\s/g, '').toUpperCase()))
      found.iban = t('seller.errors.iban');
    if (!/^\S+@\S+\.\S+$/.test(v.contactEmail)) found.contactEmail = t('seller.errors.email');
    if (!/^\+[1-9][0-9]{6,14}$/.test(v.contactPhone.replace(/[\s()-]/g, '')))
      found.contactPhone = t('seller.errors.phone');
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      const element = event.currentTarget.elements.namedItem(first);
      if (element instanceof HTMLElement) element.focus();
      return;
    }
    apply.mutate();
  }
  const field = (name: Fields, extra: Record<string, string> = {}) => ({
    name,
    label: t(`seller.fields.${name}`),
    value: v[name],
    error: errors[name],
    onChange: (e: { target: { value: string } }) => setV({ ...v, [name]: e.target.value }),
    ...extra,
  });
  return (
    <section className="panel" data-testid="seller-status" data-status={rejected ? 'rejected' : 'none'}>
      <h1 className="panel__title">{t('seller.title')}</h1>
      {rejected ? (
        <div className="form-alert" role="status">
          <div>{t('seller.rejectedText', { reason: rejected.reason ?? '' })}</div>
        </div>
      ) : (
        <p className="cab-muted">{t('seller.intro')}</p>
      )}
      <form className="cab-form" onSubmit={submit} noValidate data-testid="seller-form">
        {apply.isError && <FormAlert>{describeError(apply.error, t, tRoot)}</FormAlert>}
        <TextField {...field('shopName')} maxLength={80} />
        <TextField {...field('legalName')} maxLength={200} hint={t('seller.legalHint')} />
        <div className="cab-form__row">
          <TextField {...field('bin')} inputMode="numeric" maxLength={16} hint={t('seller.binHint')} />
          <TextField
            {...field('iban')}
            maxLength={40}
            autoCapitalize="characters"
            hint={t('seller.ibanHint')}
          />
        </div>
        <div className="cab-form__row">
          <TextField {...field('contactEmail')} type="email" />
          <TextField {...field('contactPhone')} type="tel" />
        </div>
        <button type="submit" className="btn btn--primary" disabled={apply.isPending}>
          {apply.isPending ? t('common.saving') : t('seller.submit')}
        </button>
      </form>
    </section>
  );
}
