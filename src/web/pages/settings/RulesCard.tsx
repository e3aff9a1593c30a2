import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rule } from '../../../shared/api/notify';
import { DataTable, RowActionButton } from '../../components/DataTable';
import { focusElement } from '../../components/focus';
import { ListQueryStatus } from '../../components/ListQueryStatus';
import { useFormat } from '../../i18n/format';
import { RuleForm } from './RuleForm';
import { useDeliveries, useRemoveRule, useRules } from './WatchApi';

function ruleSummary(rule: Rule, t: (key: string, values?: Record<string, unknown>) => string): string {
  const parts: string[] = [];
  const tr = rule.triggers;
  if (tr.newFindingsMinSeverity)
    parts.push(`≥ ${t(`settings.watch.severities.${tr.newFindingsMinSeverity}`)}`);
  if (tr.resolvedFindings) parts.push(t('settings.watch.rules.resolved'));
  if (tr.scanFailed) parts.push(t('settings.watch.rules.scanFailed'));
  if (tr.savingsChangeUsd !== undefined) parts.push(`$${tr.savingsChangeUsd}`);
  if (tr.savingsChangePercent !== undefined) parts.push(`${tr.savingsChangePercent}%`);
  if (tr.checkIds.length > 0)
    parts.push(t('settings.watch.rules.summaryChecks', { count: tr.checkIds.length }));
  return parts.join(', ');
}

export function RulesCard() {
  const { t } = useTranslation();
  const rules = useRules();
  const remove = useRemoveRule();
  const [editingId, setEditingId] = useState<string>();
  const [saved, setSaved] = useState('');
  const editing = rules.data?.rules.find((r) => r.id === editingId);
  const tx = (key: string) => t(`settings.watch.rules.${key}`);
  const closeEdit = (savedRule?: Rule) => {
    const id = editingId;
    setEditingId(undefined);
    setSaved(savedRule ? t('settings.watch.rules.saved', { name: savedRule.name }) : '');
    // Back to where the edit started, so the keyboard carries on from the same row.
    setTimeout(() => focusElement(document.getElementById(`rule-edit-${id}`)));
  };
  return (
    <section aria-labelledby="rules-title" className="mb-5">
      <h2 id="rules-title" className="h5">
        {tx('title')}
      </h2>
      <p className="text-body-secondary">{tx('intro')}</p>
      <ListQueryStatus query={rules} isEmpty={rules.data?.rules.length === 0} emptyText={tx('empty')} />
      {rules.data && rules.data.rules.length > 0 && (
        <DataTable
          labelledBy="rules-title"
          columns={[{ label: tx('name') }, { label: tx('summary') }, { label: tx('actions') }]}
        >
          {rules.data.rules.map((r) => (
            <tr key={r.id}>
              <td>{r.name}</td>
              <td>{ruleSummary(r, t)}</td>
              <td className="d-flex gap-2">
                <button
                  type="button"
                  id={`rule-edit-${r.id}`}
                  className="btn btn-sm btn-outline-secondary"
                  aria-expanded={editingId === r.id}
                  aria-controls="rule-form"
                  onClick={() => {
                    setSaved('');
                    setEditingId(r.id);
                  }}
                >
                  {tx('edit')}
                </button>
                <RowActionButton
                  label={tx('remove')}
                  itemName={r.name}
                  variant="danger"
                  onClick={() => remove.mutate(r.id)}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {saved && (
        <div className="alert alert-success" role="status">
          {saved}
        </div>
      )}
      <div id="rule-form">
        {editing ? <RuleForm key={editing.id} rule={editing} onClose={closeEdit} /> : <RuleForm key="new" />}
      </div>
    </section>
  );
}

export function DeliveriesCard() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const deliveries = useDeliveries();
  const tx = (key: string) => t(`settings.watch.deliveries.${key}`);
  return (
    <section aria-labelledby="deliveries-title">
      <h2 id="deliveries-title" className="h5">
        {tx('title')}
      </h2>
      <ListQueryStatus
        query={deliveries}
        isEmpty={deliveries.data?.deliveries.length === 0}
        emptyText={tx('empty')}
      />
      {deliveries.data && deliveries.data.deliveries.length > 0 && (
        <DataTable
          labelledBy="deliveries-title"
          columns={[
            { label: tx('at') },
            { label: tx('channel') },
            { label: tx('subject') },
            { label: tx('status') },
            { label: tx('attempts') },
          ]}
        >
          {deliveries.data.deliveries.map((d) => (
            <tr key={d.id}>
              <td>{fmt.dateTime(d.createdAt)}</td>
              <td>{d.channelName}</td>
              <td>
                {d.subject} {d.test && <span className="badge text-bg-secondary">{tx('test')}</span>}
              </td>
              <td>{tx(`statuses.${d.status}`)}</td>
              <td>
                {d.attempts
                  .map((a) => (a.ok ? `✓ ${a.responseCode ?? ''}` : `✗ ${a.error ?? ''}`))
                  .join(' · ')}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
