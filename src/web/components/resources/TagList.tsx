import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../core/records';

/** The first few tags as key=value chips; the rest as a count (the detail view lists all). */
export function TagList({ tags, max = 3 }: { tags: Tag[]; max?: number }) {
  const { t } = useTranslation();
  if (tags.length === 0) return <span className="text-body-secondary">—</span>;
  const shown = tags.slice(0, max);
  return (
    <span className="d-inline-flex flex-wrap gap-1">
      {shown.map((tag) => (
        <span key={tag.key} className="badge tag-chip text-truncate" title={`${tag.key}=${tag.value}`}>
          {tag.key}={tag.value}
        </span>
      ))}
      {tags.length > max && (
        <span className="badge text-bg-light border">
          {t('resources.table.more', { count: tags.length - max })}
        </span>
      )}
    </span>
  );
}
