/** AWS `{ Key, Value }` tag lists (RDS, IAM) → record tags; entries without a key are dropped. */
import type { Tag } from '../../core/records.js';

export function toTags(list: { Key?: string; Value?: string }[] | undefined): Tag[] {
  return (list ?? []).flatMap((t) => (t.Key ? [{ key: t.Key, value: t.Value ?? '' }] : []));
}
