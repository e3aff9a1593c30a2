import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserResponse } from '../../../shared/api/auth';
import { type DisplayCurrency, DisplayCurrencySchema } from '../../../shared/currency';
import { queryKeys, useApi, useMe } from '../../api/hooks';
import { CheckboxField } from '../../components/ChoiceFields';
import { TitledCard } from '../../components/SettingsCard';
import { ErrorAlert } from '../../components/States';
import { SubmitButton } from '../../components/SubmitButton';
import { formatMoney } from '../../i18n/format';
import { currentLang } from '../../i18n/index';

const today = () => new Date().toISOString().slice(0, 10);

/** Settings → Account: an optional KRW amount beside every USD amount, at the user's own rate. */
export function DisplayCurrencyCard() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const saved = useMe().data?.user?.displayCurrency;
  const [enabled, setEnabled] = useState(Boolean(saved));
  const [rate, setRate] = useState(saved ? String(saved.rate) : '');
  const [rateDate, setRateDate] = useState(saved?.rateDate ?? today());
  const [errors, setErrors] = useState<{ rate?: string; rateDate?: string }>({});
  const save = useMutation({
    mutationFn: (displayCurrency: DisplayCurrency | null) =>
      api.put('/api/account/display-currency', { displayCurrency }, UserResponse),
    onSuccess: ({ user }) => queryClient.setQueryData(queryKeys.me, { user }),
  });
  const parsed = DisplayCurrencySchema.safeParse({ code: 'KRW', rate: Number(rate), rateDate });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    if (!enabled) return save.mutate(null);
    if (!parsed.success) {
      const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
      setErrors({
        ...(bad.has('rate') || rate === '' ? { rate: t('settings.currency.rateInvalid') } : {}),
        ...(bad.has('rateDate') ? { rateDate: t('settings.currency.dateInvalid') } : {}),
      });
      return;
    }
    setErrors({});
    save.mutate(parsed.data);
  };

  const field = (id: 'rate' | 'rateDate') => ({
    id: `currency-${id}`,
    className: `form-control${errors[id] ? ' is-invalid' : ''}`,
    'aria-invalid': errors[id] ? true : undefined,
    'aria-describedby': errors[id] ? `currency-${id}-error` : undefined,
  });

  return (
    <TitledCard titleId="currency-title" title={t('settings.currency.title')}>
      <p className="text-body-secondary">{t('settings.currency.intro')}</p>
      <div aria-live="polite">
        {save.isSuccess && (
          <div className="alert alert-success" role="status">
            {t('settings.currency.saved')}
          </div>
        )}
      </div>
      {save.isError && <ErrorAlert error={save.error} />}
      <form onSubmit={onSubmit} noValidate className="account-form">
        <CheckboxField
          id="currency-enabled"
          className="form-check mb-3"
          label={t('settings.currency.enabled')}
          checked={enabled}
          onChange={setEnabled}
        />
        {enabled && (
          <>
            <div className="mb-3">
              <label htmlFor="currency-rate" className="form-label">
                {t('settings.currency.rate')}
              </label>
              <input
                {...field('rate')}
                type="number"
                inputMode="decimal"
                min={1}
                step="any"
                value={rate}
                onChange={(e) => setRate(e.target.value)}
              />
              {errors.rate && (
                <div id="currency-rate-error" className="invalid-feedback">
                  {errors.rate}
                </div>
              )}
            </div>
            <div className="mb-3">
              <label htmlFor="currency-rateDate" className="form-label">
                {t('settings.currency.rateDate')}
              </label>
              <input
                {...field('rateDate')}
                type="date"
                value={rateDate}
                onChange={(e) => setRateDate(e.target.value)}
              />
              {errors.rateDate && (
                <div id="currency-rateDate-error" className="invalid-feedback">
                  {errors.rateDate}
                </div>
              )}
            </div>
            {parsed.success && (
              <p className="small text-body-secondary" data-testid="currency-example">
                {t('settings.currency.example', {
                  example: formatMoney(currentLang(i18n), 100, parsed.data),
                })}
              </p>
            )}
          </>
        )}
        <SubmitButton
          pending={save.isPending}
          spinner={false}
          label={t('settings.currency.save')}
          pendingLabel={t('settings.currency.saving')}
        />
      </form>
    </TitledCard>
  );
}
