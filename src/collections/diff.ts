import { UNDIFFED_COLLECTORS } from '../core/catalog.js';
import type { CollectorId } from '../core/records.js';
import type { ServiceId } from '../core/services.js';
import { COLLECTOR_IDS, type DiffResponse } from '../shared/api/collections.js';
import { CollectionsError, notFound } from './errors.js';
import { resourceIdOf } from './records.js';
import type { CollectionStore, LooseRecord } from './store.js';
import { summarize } from './summary.js';

/** Fields that move without anyone changing the resource (usage timestamps, per-call errors). */
const VOLATILE_FIELDS = new Set([
  'fieldErrors',
  'passwordLastUsed',
  'lastUsedDate',
  'accessKey1LastUsedDate',
  'accessKey2LastUsedDate',
  'attachmentCount',
]);

type FieldChange =
  DiffResponse['services'][number]['collectors'][number]['changed'][number]['fields'][number];

/** Tags as an object, so a changed tag shows as `tags.Env` instead of a whole array. */
function normalize(record: LooseRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (VOLATILE_FIELDS.has(key)) continue;
    if (key === 'tags' && Array.isArray(value)) {
      const tags: Record<string, unknown> = {};
      for (const t of value as { key?: unknown; value?: unknown }[])
        if (typeof t?.key === 'string') tags[t.key] = t.value;
      out[key] = tags;
    } else out[key] = value;
  }
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Nested objects are walked; arrays and scalars compare as whole values. */
export function changedFields(
  before: unknown,
  after: unknown,
  path = '',
  out: FieldChange[] = [],
): FieldChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      changedFields(before[key], after[key], path ? `${path}.${key}` : key, out);
    }
  } else if (JSON.stringify(before) !== JSON.stringify(after)) {
    out.push({ path, before: before ?? null, after: after ?? null });
  }
  return out;
}

function refOf(collector: CollectorId, record: LooseRecord) {
  const id = resourceIdOf(collector, record) ?? '?';
  const region = typeof record.region === 'string' ? record.region : 'global';
  const name = typeof record.name === 'string' ? record.name : undefined;
  return { id, region, ...(name && name !== id ? { name } : {}) };
}

function indexRecords(collector: CollectorId, records: LooseRecord[]): Map<string, LooseRecord> {
  const map = new Map<string, LooseRecord>();
  for (const r of records) {
    const ref = refOf(collector, r);
    map.set(`${ref.region}\u0000${ref.id}`, r);
  }
  return map;
}

export function diffCollectorRecords(collector: CollectorId, from: LooseRecord[], to: LooseRecord[]) {
  const before = indexRecords(collector, from);
  const after = indexRecords(collector, to);
  const added = [...after].filter(([k]) => !before.has(k)).map(([, r]) => refOf(collector, r));
  const removed = [...before].filter(([k]) => !after.has(k)).map(([, r]) => refOf(collector, r));
  const changed = [];
  for (const [key, next] of after) {
    const prev = before.get(key);
    if (!prev) continue;
    const fields = changedFields(normalize(prev), normalize(next));
    if (fields.length > 0) changed.push({ ...refOf(collector, next), fields });
  }
  return { collector, added, removed, changed };
}

const FINISHED_OK = new Set(['completed', 'completed_with_errors']);

export async function diffCollections(
  store: CollectionStore,
  username: string,
  fromId: string,
  toId: string,
): Promise<DiffResponse> {
  const [from, to] = await Promise.all([
    store.getMetadata(username, fromId),
    store.getMetadata(username, toId),
  ]);
  if (!from) throw notFound(fromId);
  if (!to) throw notFound(toId);
  if (!FINISHED_OK.has(from.status) || !FINISHED_OK.has(to.status))
    throw new CollectionsError('diff_not_completed', 'Only completed collections can be compared');
  if (
    from.accountId !== to.accountId ||
    (from.accountId === undefined && from.connectionId !== to.connectionId)
  )
    throw new CollectionsError('diff_account_mismatch', 'The two collections are of different AWS accounts');
  const services: ServiceId[] = from.services.filter((s) => to.services.includes(s));
  const out: DiffResponse['services'] = [];
  const totals = { added: 0, removed: 0, changed: 0 };
  for (const service of services) {
    const [a, b] = await Promise.all([
      store.getServiceDocument(username, fromId, service),
      store.getServiceDocument(username, toId, service),
    ]);
    if (!a || !b) continue;
    const collectors = COLLECTOR_IDS.filter(
      (c) => !UNDIFFED_COLLECTORS.has(c) && (a.data[c] !== undefined || b.data[c] !== undefined),
    ).map((c) => diffCollectorRecords(c, a.data[c] ?? [], b.data[c] ?? []));
    for (const c of collectors) {
      totals.added += c.added.length;
      totals.removed += c.removed.length;
      totals.changed += c.changed.length;
    }
    out.push({ service, collectors });
  }
  return { from: summarize(from), to: summarize(to), services: out, totals };
}
