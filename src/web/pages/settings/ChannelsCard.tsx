import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelKind, CreateChannelBody } from '../../../shared/api/notify';
import { fieldErrors } from '../../api/client';
import { CheckboxField, SelectField } from '../../components/ChoiceFields';
import { DataTable, RowActionButton } from '../../components/DataTable';
import { FormField } from '../../components/FormField';
import { ListQueryStatus } from '../../components/ListQueryStatus';
import { ErrorAlert } from '../../components/States';
import { SubmitButton } from '../../components/SubmitButton';
import { currentLang } from '../../i18n';
import { useChannels, useCreateChannel, useRemoveChannel, useTestChannel } from './WatchApi';

const CHANNEL_KINDS = ['email', 'slack', 'webhook'] as const satisfies readonly ChannelKind[];

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function ChannelForm() {
  const { t } = useTranslation();
  const create = useCreateChannel();
  const [kind, setKind] = useState<ChannelKind>('email');
  const [v, setV] = useState<Record<string, string>>({ port: '587' });
  const [secure, setSecure] = useState(false);
  const set = (key: string) => (value: string) => setV((cur) => ({ ...cur, [key]: value }));
  const errors = fieldErrors(create.error, t);
  const tx = (key: string) => t(`settings.watch.channels.${key}`);
  const field = (key: string, extra: { type?: string; help?: string } = {}) => (
    <FormField
      id={`channel-${key}`}
      label={tx(key)}
      value={v[key] ?? ''}
      onChange={set(key)}
      error={errors[key]}
      autoComplete="off"
      {...extra}
    />
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const name = v.name ?? '';
    const body: CreateChannelBody =
      kind === 'email'
        ? {
            kind,
            name,
            host: v.host ?? '',
            port: Number(v.port),
            secure,
            ...(v.user ? { user: v.user } : {}),
            ...(v.password ? { password: v.password } : {}),
            from: v.from ?? '',
            to: list(v.to ?? ''),
          }
        : kind === 'slack'
          ? { kind, name, webhookUrl: v.webhookUrl ?? '' }
          : { kind, name, url: v.url ?? '', signingSecret: v.signingSecret ?? '' };
    create
      .mutateAsync(body)
      // Secrets leave the form as soon as they are stored.
      .then(() => setV({ port: '587' }))
      .catch(() => undefined);
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="channel-form-title" className="mt-3">
      <h3 id="channel-form-title" className="h6 mb-3">
        {tx('add')}
      </h3>
      <SelectField
        id="channel-kind"
        label={tx('kind')}
        value={kind}
        options={CHANNEL_KINDS.map((k) => ({ value: k, label: tx(`kinds.${k}`) }))}
        onChange={setKind}
      />
      {field('name')}
      {kind === 'email' && (
        <>
          {field('host')}
          {field('port', { type: 'number' })}
          <CheckboxField
            id="channel-secure"
            className="form-check mb-3"
            label={tx('secure')}
            checked={secure}
            onChange={setSecure}
          />
          {field('user')}
          {field('password', { type: 'password' })}
          {field('from', { type: 'email' })}
          {field('to')}
        </>
      )}
      {kind === 'slack' && field('webhookUrl', { type: 'url' })}
      {kind === 'webhook' && (
        <>
          {field('url', { type: 'url' })}
          {field('signingSecret', { type: 'password', help: tx('signingHelp') })}
        </>
      )}
      {create.isError && <ErrorAlert error={create.error} />}
      <SubmitButton pending={create.isPending} label={tx('add')} pendingLabel={tx('adding')} />
    </form>
  );
}

export function ChannelsCard() {
  const { t, i18n } = useTranslation();
  const channels = useChannels();
  const remove = useRemoveChannel();
  const test = useTestChannel();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const tx = (key: string, vars?: Record<string, string | number>) =>
    t(`settings.watch.channels.${key}`, vars);

  const sendTest = (id: string, name: string) => {
    setResult(null);
    test
      .mutateAsync({ id, lang: currentLang(i18n) })
      .then(({ delivery }) => {
        const error = delivery.attempts.at(-1)?.error ?? delivery.status;
        setResult(
          delivery.status === 'delivered'
            ? { ok: true, text: tx('testDelivered', { name }) }
            : { ok: false, text: tx('testFailed', { name, error }) },
        );
      })
      .catch(() => undefined);
  };

  return (
    <section aria-labelledby="channels-title" className="mb-5">
      <h2 id="channels-title" className="h5">
        {tx('title')}
      </h2>
      <p className="text-body-secondary">{tx('intro')}</p>
      <ListQueryStatus
        query={channels}
        isEmpty={channels.data?.channels.length === 0}
        emptyText={tx('empty')}
      />
      {test.isError && <ErrorAlert error={test.error} />}
      {result && (
        <div className={`alert ${result.ok ? 'alert-success' : 'alert-danger'}`} role="status">
          {result.text}
        </div>
      )}
      {channels.data && channels.data.channels.length > 0 && (
        <DataTable
          labelledBy="channels-title"
          columns={[
            { label: tx('name') },
            { label: tx('kind') },
            { label: tx('target') },
            { label: tx('health') },
            { label: tx('actions') },
          ]}
        >
          {channels.data.channels.map((c) => (
            <tr key={c.id}>
              <td>{c.name}</td>
              <td>{tx(`kinds.${c.kind}`)}</td>
              <td className="text-break">{c.target}</td>
              <td>
                {c.failing ? (
                  <span className="text-danger">{tx('failing', { count: c.consecutiveFailures })}</span>
                ) : (
                  tx('healthy')
                )}
              </td>
              <td className="d-flex gap-2">
                <RowActionButton
                  label={test.isPending && test.variables?.id === c.id ? tx('testing') : tx('test')}
                  itemName={c.name}
                  variant="primary"
                  disabled={test.isPending}
                  onClick={() => sendTest(c.id, c.name)}
                />
                <RowActionButton
                  label={tx('remove')}
                  itemName={c.name}
                  variant="danger"
                  onClick={() => remove.mutate(c.id)}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <ChannelForm />
    </section>
  );
}
