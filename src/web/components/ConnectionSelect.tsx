import type { CSSProperties } from 'react';
import type { z } from 'zod';
import type { Connection } from '../../shared/api/connections';

/** The "which AWS account" select of the collection, schedule and spend forms: name (account id). */
export function ConnectionSelect({
  id,
  label,
  value,
  connections,
  onChange,
  className,
  labelClassName = 'form-label fw-medium',
  selectClassName = 'form-select',
  style,
}: {
  id: string;
  label: string;
  value: string | undefined;
  connections: readonly z.infer<typeof Connection>[];
  onChange: (connectionId: string) => void;
  className?: string;
  labelClassName?: string;
  selectClassName?: string;
  style?: CSSProperties;
}) {
  return (
    <div className={className} style={style}>
      <label className={labelClassName} htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className={selectClassName}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {connections.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.accountId})
          </option>
        ))}
      </select>
    </div>
  );
}
