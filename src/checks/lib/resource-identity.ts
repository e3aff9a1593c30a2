import { collectorInfo } from '../../core/catalog.js';
import type { CollectorId, RecordKinds } from '../../core/records.js';

export interface ResourceIdentity {
  resourceId: string;
  resourceArn?: string;
  resourceName?: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * How to name the resource a record describes, from the collector's descriptor (`resource`). The
 * engine needs it to turn a per-resource collection error (record.fieldErrors) into an `unknown`
 * finding for that resource.
 */
export function resourceIdentity<K extends CollectorId>(kind: K, record: RecordKinds[K]): ResourceIdentity {
  const { idFields, arnField, nameField, findingId } = collectorInfo(kind).resource;
  const fields = record as Readonly<Record<string, unknown>>;
  const resourceId = findingId
    ? findingId.replace('{region}', record.region)
    : (idFields.map((f) => text(fields[f])).find((v) => v !== undefined && v !== '') ??
      text(fields[idFields[0]]) ??
      '');
  const resourceArn = arnField ? text(fields[arnField]) : undefined;
  const resourceName = nameField ? text(fields[nameField]) : undefined;
  // Drop undefined optional fields so findings serialise without empty keys.
  return {
    resourceId,
    ...(resourceArn !== undefined ? { resourceArn } : {}),
    ...(resourceName !== undefined ? { resourceName } : {}),
  };
}
