import type { ReactNode } from 'react';

export interface TableColumn {
  label: string;
  className?: string;
  /** Named for screen readers only (a column of checkboxes or buttons needs no visible title). */
  hiddenLabel?: boolean;
}

/**
 * A responsive Bootstrap table with a header row of column titles; the caller renders the body rows.
 * `className` adds table classes (e.g. `table-sm`); `testId` is on the <table>; `labelledBy` names it
 * by a heading's id.
 */
export function DataTable({
  columns,
  children,
  className,
  testId,
  labelledBy,
}: {
  columns: TableColumn[];
  children: ReactNode;
  className?: string;
  testId?: string;
  labelledBy?: string;
}) {
  return (
    <div className="table-responsive">
      <table
        className={['table', className, 'align-middle mb-0'].filter(Boolean).join(' ')}
        data-testid={testId}
        aria-labelledby={labelledBy}
      >
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column.label} className={column.className}>
                {column.hiddenLabel ? <span className="visually-hidden">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/**
 * A small button in a table row whose accessible name also says which row it acts on
 * ("Delete: prod"), since a screen reader user hears many identical buttons otherwise.
 */
export function RowActionButton({
  label,
  itemName,
  variant,
  className = '',
  disabled,
  onClick,
}: {
  label: string;
  itemName: string;
  variant: 'primary' | 'secondary' | 'danger';
  className?: string;
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className={`btn btn-sm btn-outline-${variant} ${className}`.trim()}
      disabled={disabled}
      onClick={onClick}
    >
      {label}
      <span className="visually-hidden">: {itemName}</span>
    </button>
  );
}
