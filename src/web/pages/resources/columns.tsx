import type { ReactNode } from 'react';
import { columnsOf as columnSpecsOf } from '../../../core/catalog';
import type { ColumnSpec } from '../../../core/descriptor';
import type { Lang } from '../../../core/services';
import { ResourceStateBadge, YesNo } from '../../components/resources/StatusBadge';
import { TagList } from '../../components/resources/TagList';
import type { CollectorId } from './collectors';
import { bool, list, num, obj, type Row, str, tagsOf } from './format';

/** What a cell may need besides the row: formatters bound to the UI language. */
export interface CellContext {
  dateTime: (iso: string | undefined) => string;
  number: (value: number) => string;
  yesNo: (value: boolean) => string;
  none: string;
}

export interface Column {
  /** The header, in the UI language. */
  label: string;
  /** Top-level field the server sorts by; absent = not sortable. */
  sort?: string;
  render: (row: Row, ctx: CellContext) => ReactNode;
  numeric?: boolean;
}

type Renderer = Pick<Column, 'sort' | 'render' | 'numeric'>;

const allTrue = (value: unknown): boolean =>
  Boolean(value) && Object.values(value as Row).every((v) => v === true);

/** How each kind of descriptor column (src/core/descriptor.ts) is drawn. */
function rendererOf(spec: ColumnSpec): Renderer {
  switch (spec.kind) {
    case 'text':
      return { sort: spec.field, render: (row) => str(row, spec.field) ?? '—' };
    case 'mono':
      return {
        sort: spec.field,
        render: (row) => <span className="font-monospace small">{str(row, spec.field) ?? '—'}</span>,
      };
    case 'number':
      return {
        sort: spec.field,
        numeric: true,
        render: (row, ctx) => {
          const value = num(row, spec.field);
          return value === undefined ? '—' : ctx.number(value);
        },
      };
    case 'date':
      return {
        sort: spec.field,
        render: (row, ctx) => {
          const value = str(row, spec.field);
          return value ? <time dateTime={value}>{ctx.dateTime(value)}</time> : '—';
        },
      };
    case 'state':
      return { sort: spec.field, render: (row) => <ResourceStateBadge state={str(row, spec.field)} /> };
    case 'yesNo':
      return {
        sort: spec.field,
        render: (row) => (
          <YesNo value={bool(row, spec.field)} {...(spec.good === undefined ? {} : { good: spec.good })} />
        ),
      };
    case 'count':
      return { numeric: true, render: (row, ctx) => ctx.number(list(row, spec.field).length) };
    case 'joined':
      return { render: (row) => list(row, spec.field).map(String).join(', ') || '—' };
    case 'pluck':
      return {
        render: (row, ctx) => {
          const value = row[spec.field];
          if (spec.emptyIsNone && value === null) return ctx.none;
          if (spec.emptyIsNone && !Array.isArray(value)) return '—';
          const items = list(row, spec.field)
            .map((item) => (item && typeof item === 'object' ? String((item as Row)[spec.key] ?? '') : ''))
            .filter(Boolean)
            .join(', ');
          return items || (spec.emptyIsNone ? ctx.none : '—');
        },
      };
    case 'nested':
      return { render: (row) => obj(row, spec.field)?.[spec.key]?.toString() ?? '—' };
    case 'present':
      return {
        render: (row) => {
          const value = row[spec.field];
          if (spec.missingIsUnknown && value === undefined) return <YesNo value={undefined} />;
          return <YesNo value={value !== undefined && value !== null && value !== ''} />;
        },
      };
    case 'allTrue':
      return {
        render: (row) => {
          const value = row[spec.field];
          if (value === undefined) return '—';
          return <YesNo value={allTrue(value)} good={true} />;
        },
      };
    case 'concat':
      return {
        sort: spec.sort,
        render: (row) =>
          spec.fields
            .map((f) => str(row, f))
            .filter(Boolean)
            .join(' '),
      };
    case 'countTrue':
      return {
        numeric: true,
        render: (row, ctx) => ctx.number(spec.fields.filter((f) => bool(row, f) === true).length),
      };
    case 'tags':
      return { render: (row) => <TagList tags={tagsOf(row)} /> };
  }
}

/** Columns of a resource kind after the first (the id/name link, which the table draws itself). */
export function columnsOf(collector: CollectorId, lang: Lang): Column[] {
  return columnSpecsOf(collector).map((spec) => ({ label: spec.label[lang], ...rendererOf(spec) }));
}
