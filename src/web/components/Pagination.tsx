import { useFormat } from '../i18n/format';

/** Previous / "n / m" / Next for a server-paged list; `page` is 0-based. */
export function Pagination({
  label,
  page,
  pageCount,
  previous,
  next,
  onPage,
}: {
  label: string;
  page: number;
  pageCount: number;
  previous: string;
  next: string;
  onPage: (page: number) => void;
}) {
  const format = useFormat();
  const last = Math.max(0, pageCount - 1);
  const button = (text: string, target: number, disabled: boolean) => (
    <li className={`page-item ${disabled ? 'disabled' : ''}`}>
      <button type="button" className="page-link" disabled={disabled} onClick={() => onPage(target)}>
        {text}
      </button>
    </li>
  );
  return (
    <nav aria-label={label}>
      <ul className="pagination pagination-sm mb-0">
        {button(previous, page - 1, page <= 0)}
        <li className="page-item disabled">
          <span className="page-link" aria-current="page">
            {format.number(Math.min(page, last) + 1)} / {format.number(last + 1)}
          </span>
        </li>
        {button(next, page + 1, page >= last)}
      </ul>
    </nav>
  );
}
