import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { promosApi, type NewPromo, type Promo } from './api.ts';
import { PromoForm } from './PromoForm.tsx';
import { AdminList } from './AdminList.tsx';
import { useProblemText, useToasts } from './ui.tsx';
import './commerce.css';
import { useConfirm } from '../../components/Confirm.tsx';

/** Admin: the promo codes, with create, edit and switch off. */
export function PromosPage() {
  const { t } = useTranslation('admin-commerce');
  useDocumentTitle(t('promos.title'));
  const queryClient = useQueryClient();
  const problem = useProblemText();
  const [toasts, toast] = useToasts();
  const [dialog, confirm] = useConfirm({ className: 'cm-dialog' });
  const [editing, setEditing] = useState<Promo | 'new' | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin-promos'] });
  const save = useMutation({
    mutationFn: (body: NewPromo) => {
      if (editing && editing !== 'new') {
        const { code: _code, ...patch } = body;
        return promosApi.update(editing.id, patch);
      }
      return promosApi.create(body);
    },
    onSuccess: async (promo) => {
      toast(
        editing === 'new'
          ? t('promos.created', { code: promo.code })
          : t('promos.updated', { code: promo.code }),
      );
      setEditing(null);
      await refresh();
    },
    onError: (error) => setFormError(problem(error)),
  });
  const toggle = useMutation({
    mutationFn: (promo: Promo) => promosApi.update(promo.id, { active: !promo.active }),
    onSuccess: async (promo) => {
      toast(
        promo.active
          ? t('promos.updated', { code: promo.code })
          : t('promos.deactivated', { code: promo.code }),
      );
      await refresh();
    },
    onError: (error) => toast(problem(error), true),
  });

  return (
    <div className="container page cm-page">
      <header className="cm-head">
        <div>
          <h1>{t('promos.title')}</h1>
          <p>{t('promos.subtitle')}</p>
        </div>
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => {
            setFormError(null);
            setEditing('new');
          }}
        >
          {t('promos.new')}
        </button>
      </header>
      {editing && (
        <PromoForm
          key={editing === 'new' ? 'new' : editing.id}
          {...(editing !== 'new' ? { initial: editing } : {})}
          saving={save.isPending}
          error={formError}
          onSubmit={(body) => save.mutate(body)}
          onCancel={() => setEditing(null)}
        />
      )}
      <AdminList
        queryKey="admin-promos"
        load={promosApi.list}
        searchLabel={t('promos.searchLabel')}
        empty={{ title: t('promos.empty'), text: t('promos.emptyText') }}
      >
        {(items) => (
          <table className="table" data-testid="promo-table">
            <thead>
              <tr>
                <th scope="col">{t('promos.columns.code')}</th>
                <th scope="col">{t('promos.columns.discount')}</th>
                <th scope="col">{t('promos.columns.conditions')}</th>
                <th scope="col">{t('promos.columns.usage')}</th>
                <th scope="col">{t('promos.columns.status')}</th>
                <th scope="col">{t('promos.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((promo) => (
                <PromoRow
                  key={promo.id}
                  promo={promo}
                  onEdit={() => {
                    setFormError(null);
                    setEditing(promo);
                    window.scrollTo({ top: 0, behavior: 'smooth' });
                  }}
                  onToggle={() =>
                    promo.active
                      ? confirm(t('promos.deactivateConfirm', { code: promo.code }), () =>
                          toggle.mutate(promo),
                        )
                      : toggle.mutate(promo)
                  }
                />
              ))}
            </tbody>
          </table>
        )}
      </AdminList>
      {dialog}
      {toasts}
    </div>
  );
}

function PromoRow({ promo, onEdit, onToggle }: { promo: Promo; onEdit: () => void; onToggle: () => void }) {
  const { t } = useTranslation('admin-commerce');
  const { money, date } = useLocale();
  const now = Date.now();
  const status = !promo.active
    ? 'inactive'
    : promo.startsAt && Date.parse(promo.startsAt) > now
      ? 'scheduled'
      : promo.endsAt && Date.parse(promo.endsAt) <= now
        ? 'expired'
        : 'active';
  const scoped =
    promo.scope.categoryIds.length + promo.scope.sellerIds.length + promo.scope.productIds.length > 0;
  const conditions = [
    promo.minBasket && t('promos.minBasket', { amount: money(promo.minBasket) }),
    promo.perCustomerLimit && t('promos.perCustomer', { count: promo.perCustomerLimit }),
    scoped && t('promos.scoped'),
    promo.stackable && t('promos.stackable'),
    promo.startsAt && `≥ ${date(promo.startsAt)}`,
    promo.endsAt && `< ${date(promo.endsAt)}`,
  ].filter(Boolean);
  return (
    <tr data-testid="promo-row">
      <td>
        <span className="cm-code">{promo.code}</span>
        {promo.description && <div className="cm-muted">{promo.description}</div>}
      </td>
      <td>
        {promo.kind === 'percentage'
          ? t('promos.percentOff', { percent: promo.percent })
          : promo.kind === 'fixed' && promo.amount
            ? t('promos.amountOff', { amount: money(promo.amount) })
            : t('promos.kind.free_shipping')}
      </td>
      <td className="cm-muted">{conditions.join(' · ') || '—'}</td>
      <td>
        {promo.usageLimit
          ? t('promos.usage', { used: promo.usedCount, limit: promo.usageLimit })
          : t('promos.usageUnlimited', { used: promo.usedCount })}
      </td>
      <td>
        <span
          className={`cm-badge ${status === 'active' ? 'cm-badge--ok' : status === 'inactive' ? 'cm-badge--off' : ''}`}
        >
          {t(`promos.status.${status}`)}
        </span>
      </td>
      <td>
        <div className="cm-row-actions">
          <button
            type="button"
            className="btn btn--secondary"
            onClick={onEdit}
            aria-label={t('promos.edit', { code: promo.code })}
          >
            {t('promos.editShort')}
          </button>
          <button type="button" className="btn btn--ghost" onClick={onToggle}>
            {promo.active ? t('promos.deactivate') : t('promos.activate')}
          </button>
        </div>
      </td>
    </tr>
  );
}
