import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';

const isTag = (v: unknown): v is { key: string; value: string } =>
  Boolean(v) &&
  typeof v === 'object' &&
  Object.keys(v as object).length === 2 &&
  typeof (v as { key?: unknown }).key === 'string' &&
  typeof (v as { value?: unknown }).value === 'string';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** One value: scalars inline (dates in the viewer's zone), nested objects/arrays as indented JSON. */
function FieldValue({ value }: { value: unknown }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (value === null || value === undefined)
    return <span className="text-body-secondary">{t('resources.values.none')}</span>;
  if (typeof value === 'boolean') return <>{value ? t('resources.values.yes') : t('resources.values.no')}</>;
  if (typeof value === 'number') return <>{format.number(value)}</>;
  if (typeof value === 'string') {
    if (ISO_DATE.test(value)) return <time dateTime={value}>{format.dateTime(value)}</time>;
    return <span className="text-break">{value}</span>;
  }
  if (Array.isArray(value) && value.length === 0) return <span className="text-body-secondary">[]</span>;
  if (Array.isArray(value) && value.every(isTag))
    return <span className="text-break">{value.map((tag) => `${tag.key}=${tag.value}`).join(', ')}</span>;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
    return <span className="text-break">{value.join(', ')}</span>;
  return <pre className="field-json">{JSON.stringify(value, null, 2)}</pre>;
}

/** Every field of a record, in its own order, as a two-column table. */
export function FieldTable({ record, caption }: { record: Record<string, unknown>; caption: string }) {
  return (
    <table className="table table-sm field-table align-top mb-0">
      <caption className="visually-hidden">{caption}</caption>
      <tbody>
        {Object.entries(record).map(([key, value]) => (
          <tr key={key}>
            <th scope="row" className="font-monospace small">
              {key}
            </th>
            <td>
              <FieldValue value={value} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
