import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CollectionErrorSchema } from '../../../shared/api/collections';

type CollectionError = z.infer<typeof CollectionErrorSchema>;

/** Errors AWS returned, with the failing operation and AWS's own code and message (in English). */
export function ErrorsTable({ errors }: { errors: CollectionError[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-responsive">
      <table className="table table-sm align-top mb-0" data-testid="collection-errors">
        <thead>
          <tr>
            <th scope="col">{t('resources.errorColumns.service')}</th>
            <th scope="col">{t('resources.errorColumns.region')}</th>
            <th scope="col">{t('resources.errorColumns.operation')}</th>
            <th scope="col">{t('resources.errorColumns.code')}</th>
            <th scope="col">{t('resources.errorColumns.message')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e) => (
            <tr key={`${e.collector ?? e.service}|${e.region}|${e.operation}|${e.code}`}>
              <td>{t(`resources.services.${e.service}`)}</td>
              <td>{e.region}</td>
              <td className="font-monospace small">{e.operation}</td>
              <td>
                <span className="badge state-badge state-error font-monospace">{e.code}</span>
                {e.occurrences && e.occurrences > 1 ? (
                  <span className="small ms-1">×{e.occurrences}</span>
                ) : null}
              </td>
              <td className="small text-break" lang="en">
                {e.message}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
