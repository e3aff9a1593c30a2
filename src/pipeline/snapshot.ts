/** Step 2: the snapshot checks read — a collection's metadata plus every collected service's records. */
import type { CollectionMetadata, Snapshot } from '../core/snapshot.js';

export function snapshotOf(
  metadata: CollectionMetadata,
  /** Stored documents are read loosely (no per-field re-validation): only `data` is merged. */
  documents: readonly { collectedAt: string; data: object }[],
): Snapshot {
  const data: Snapshot['data'] = {};
  let collectedAt = metadata.finishedAt ?? metadata.requestedAt;
  for (const doc of documents) {
    collectedAt = doc.collectedAt;
    // Written by the collection step from typed records; stored documents are not re-validated per field.
    Object.assign(data, doc.data as Snapshot['data']);
  }
  return { metadata, collectedAt, data };
}
