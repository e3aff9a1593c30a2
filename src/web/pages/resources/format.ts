import { RESOURCE_ID_FIELDS } from '../../../core/catalog';
import type { Tag } from '../../../core/records';
import type { CollectorId } from './collectors';

/** Records come from the API as loose objects; these read one field with the type the UI needs. */
export type Row = Record<string, unknown>;

export const str = (row: Row, field: string): string | undefined => {
  const value = row[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
};
export const num = (row: Row, field: string): number | undefined => {
  const value = row[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};
export const bool = (row: Row, field: string): boolean | undefined => {
  const value = row[field];
  return typeof value === 'boolean' ? value : undefined;
};
export const list = (row: Row, field: string): unknown[] => {
  const value = row[field];
  return Array.isArray(value) ? value : [];
};
export const obj = (row: Row, field: string): Row | undefined => {
  const value = row[field];
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Row) : undefined;
};

export function tagsOf(row: Row): Tag[] {
  return list(row, 'tags').filter(
    (t): t is Tag => Boolean(t) && typeof (t as Tag).key === 'string' && typeof (t as Tag).value === 'string',
  );
}

/** The id the resource route understands (same rule as the server: first non-empty id field). */
export function resourceIdOf(collector: CollectorId, row: Row): string | undefined {
  for (const field of RESOURCE_ID_FIELDS[collector]) {
    const value = str(row, field);
    if (value) return value;
  }
  return undefined;
}

/** A readable name: the Name tag or name field when it differs from the id. */
export function displayName(collector: CollectorId, row: Row): string | undefined {
  const name = str(row, 'name') ?? tagsOf(row).find((t) => t.key === 'Name')?.value;
  return name && name !== resourceIdOf(collector, row) ? name : undefined;
}

export function detailPath(collectionId: string, collector: CollectorId, row: Row): string | undefined {
  const id = resourceIdOf(collector, row);
  return id ? resourcePath(collectionId, collector, id, str(row, 'region')) : undefined;
}

/** The resource page of one resource of a collection (region left out for global resources). */
export function resourcePath(
  collectionId: string,
  collector: string,
  id: string,
  region: string | undefined,
): string {
  const query = region && region !== 'global' ? `?region=${encodeURIComponent(region)}` : '';
  return `/resources/collections/${encodeURIComponent(collectionId)}/r/${encodeURIComponent(collector)}/${encodeURIComponent(id)}${query}`;
}

/** "2 min 5 s" / "2분 5초" from Intl's unit formatting, so each language reads naturally. */
export function formatDuration(locale: string, ms: number | undefined): string | undefined {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return undefined;
  const unit = (value: number, u: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  const totalSeconds = ms < 1000 ? Math.round(ms / 100) / 10 : Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts: string[] = [];
  if (hours) parts.push(unit(hours, 'hour'));
  if (minutes) parts.push(unit(minutes, 'minute'));
  if (seconds || parts.length === 0) parts.push(unit(Math.round(seconds * 10) / 10, 'second'));
  return parts.join(' ');
}

/** A chart's day label in the viewer's time zone: "Jan 5" / "1월 5일". */
export function formatDay(locale: string, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' }).format(date);
}

/** Compact numbers for chart axes: 1.2K, 3.4M (en) / 1.2천, 340만 (ko). */
export function formatCompact(locale: string, value: number): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}
