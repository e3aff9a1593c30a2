/**
 * Assembles each service's snapshot document from the runner's per-unit record buffers. With an
 * `onServiceDocument` callback, a service's document is handed on as soon as its last unit has
 * settled and its buffers are released, so the runner never holds a whole large collection.
 */
import type { ServiceDocumentDraft } from '../core/collection-run.js';
import type { CollectorId, RecordKinds } from '../core/records.js';
import type { ServiceId } from '../core/services.js';
import type { Collector } from './types.js';

type AnyRecord = RecordKinds[CollectorId];
/** Collector → region → the records that unit yielded. */
export type RecordBuffers = Map<CollectorId, Map<string, AnyRecord[]>>;

export class ServiceDocuments {
  private readonly unitsLeft = new Map<ServiceId, number>();
  private readonly handedOn = new Set<ServiceId>();
  private readonly writes: Promise<void>[] = [];
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly chosen: readonly Collector[],
    private readonly buffers: RecordBuffers,
    /** Regions in document order ('global' first). */
    private readonly order: readonly string[],
    private readonly collectedAt: string,
    unitsOf: (collector: Collector) => number,
    private readonly onDocument?: (document: ServiceDocumentDraft) => Promise<void>,
  ) {
    for (const c of chosen) this.unitsLeft.set(c.service, (this.unitsLeft.get(c.service) ?? 0) + unitsOf(c));
  }

  /** One unit of `service` has settled (ok, failed or skipped). */
  settled(service: ServiceId): void {
    const left = (this.unitsLeft.get(service) ?? 1) - 1;
    this.unitsLeft.set(service, left);
    if (left > 0 || !this.onDocument) return;
    const document = this.build(service);
    this.handedOn.add(service);
    for (const c of this.chosen) if (c.service === service) this.buffers.delete(c.id);
    // Kept, not thrown here: finish() reports the first failure once every write has ended.
    this.writes.push(
      this.onDocument(document).catch((error: unknown) => {
        this.failure ??= { error };
      }),
    );
  }

  /** Waits for the handed-on documents; returns those of the services not handed on. */
  async finish(): Promise<ServiceDocumentDraft[]> {
    await Promise.all(this.writes);
    if (this.failure) throw this.failure.error;
    const services = [...new Set(this.chosen.map((c) => c.service))];
    return services.filter((s) => !this.handedOn.has(s)).map((s) => this.build(s));
  }

  private build(service: ServiceId): ServiceDocumentDraft {
    const data: Record<string, AnyRecord[]> = {};
    for (const c of this.chosen) {
      if (c.service !== service) continue;
      const perRegion = this.buffers.get(c.id);
      data[c.id] = perRegion ? this.order.flatMap((region) => perRegion.get(region) ?? []) : [];
    }
    return { service, collectedAt: this.collectedAt, data: data as ServiceDocumentDraft['data'] };
  }
}
