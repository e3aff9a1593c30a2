import { allChecks, checkSummaries } from '../checks/registry.js';
import type { StoredCollection } from '../collections/types.js';
import { complianceForRun } from '../compliance/service.js';
import { COMPLIANCE_FRAMEWORK_IDS } from '../core/compliance.js';
import type { Lang, ServiceId } from '../core/services.js';
import type { CollectionMetadata } from '../core/snapshot.js';
import type { ReportInput } from '../reports/types.js';
import { AdvisorError } from './errors.js';
import type { AdvisorService } from './service.js';
import type { StoredRun } from './store.js';

/** The collection's metadata, or what the run itself knows when the collection was deleted since. */
function collectionOf(run: StoredRun, found: StoredCollection | null): CollectionMetadata {
  if (found) return found;
  return {
    id: run.collectionId ?? 'unknown',
    username: run.username,
    connectionId: run.connectionId,
    ...(run.connectionName ? { connectionName: run.connectionName } : {}),
    ...(run.accountId ? { accountId: run.accountId } : {}),
    status: 'completed',
    requestedAt: run.requestedAt,
    regions: run.regions,
    services: run.services,
    results: {},
    errors: [],
    resourceCounts: {},
  };
}

/**
 * Everything the report renderers need for one completed run, mutes in force applied (renderers
 * show muted findings apart). `service` narrows the report to one service of the run.
 */
export async function runReportInput(
  advisor: AdvisorService,
  getCollection: (username: string, id: string) => Promise<StoredCollection>,
  options: { username: string; runId: string; lang: Lang; service?: ServiceId; timeZone?: string; now: Date },
): Promise<ReportInput> {
  const run = await advisor.requireRun(options.username, options.runId);
  if (run.status !== 'completed')
    throw new AdvisorError('run_not_completed', 'The run has not completed: there is no report yet');
  if (options.service && !run.services.includes(options.service))
    throw new AdvisorError('validation_failed', `The run did not evaluate ${options.service}`, {
      service: 'not_in_run',
    });
  const collection = run.collectionId
    ? await getCollection(options.username, run.collectionId).catch(() => null)
    : null;
  return {
    lang: options.lang,
    account: {
      ...(run.accountId ? { id: run.accountId } : {}),
      ...(run.connectionName ? { connectionName: run.connectionName } : {}),
    },
    generatedAt: options.now.toISOString(),
    regions: run.regions,
    services: options.service ? [options.service] : run.services,
    collection: collectionOf(run, collection),
    findings: await advisor.findingsOf(run),
    checks: checkSummaries(),
    runId: run.runId,
    // The merged report carries the compliance section; a one-service report is about that service.
    ...(options.service
      ? {}
      : {
          compliance: await Promise.all(
            COMPLIANCE_FRAMEWORK_IDS.map((framework) =>
              complianceForRun(advisor, allChecks, {
                username: options.username,
                runId: run.runId,
                framework,
                withTrend: false,
              }),
            ),
          ),
        }),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  };
}
