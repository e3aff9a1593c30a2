import { useTranslation } from 'react-i18next';
import { SEVERITY_COLORS, SEVERITY_TEXT_COLORS } from '../../../shared/advisor-text';
import type { ResourceFindingCount } from '../../../shared/api/resources';
import { useFormat } from '../../i18n/format';

/** Open findings of one table row: the count in the colour of the worst severity, with words for readers. */
export function FindingCountCell({
  count,
  loaded,
}: {
  count: ResourceFindingCount | undefined;
  loaded: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (!loaded) return <span className="text-body-secondary">…</span>;
  if (!count) return <span className="text-body-secondary small">{t('resources.findings.none')}</span>;
  const text = t('resources.findings.count', {
    count: count.open,
    formattedCount: fmt.number(count.open),
    severity: t(`advisor.severities.${count.severity}`),
  });
  return (
    <span
      className="badge text-nowrap"
      data-severity={count.severity}
      data-testid="finding-count"
      style={{
        backgroundColor: SEVERITY_COLORS[count.severity],
        color: SEVERITY_TEXT_COLORS[count.severity],
      }}
      title={text}
    >
      <span aria-hidden="true">
        {fmt.number(count.open)} · {t(`advisor.severities.${count.severity}`)}
      </span>
      <span className="visually-hidden">{text}</span>
    </span>
  );
}
