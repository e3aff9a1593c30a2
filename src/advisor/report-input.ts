import { allChecks, checkSummaries } from '../checks/registry.js';
import type { StoredCollection } from '../collections/types.js';
import { complianceForRun } from '../compliance/service.js';
import { COMPLIANCE_FRAMEWORK_IDS } from '../core/compliance.js';
import type { Finding } from '../core/findings.js';
import type { Lang, ServiceId } from '../core/services.js';
import type { CollectionMetadata } from '../core/snapshot.js';
import { mostSevere } from '../reports/actions.js';
import type { ReportInput, RunChange } from '../reports/types.js';
import { compareFindings } from './compare.js';
import { AdvisorError } from './errors.js';
import type { AdvisorService } from './service.js';
import { type StoredRun, sameAccountRuns } from './store.js';

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

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * New and resolved open findings since the latest earlier completed run of the same scope (same
 * connection, services and regions); undefined when there is none.
 */
async function changeSincePrevious(
  advisor: AdvisorService,
  run: StoredRun,
  findings: Finding[],
  services: readonly ServiceId[],
  storedRuns?: readonly StoredRun[],
): Promise<RunChange | undefined> {
  const runs = storedRuns ?? (await advisor.storedRuns(run.username));
  const at = runs.findIndex((r) => r.runId === run.runId);
  const previous = runs
    .slice(at + 1)
    .find(
      (r) =>
        r.status === 'completed' &&
        sameAccountRuns(r, run) &&
        sameSet(r.services, run.services) &&
        sameSet(r.regions, run.regions),
    );
  if (!previous) return undefined;
  const diff = compareFindings(
    { services: previous.services, findings: await advisor.findingsOf(previous) },
    { services, findings },
  );
  const notMuted = diff.new.filter((f) => !f.muted);
  return {
    previousRunAt: previous.requestedAt,
    newCount: notMuted.length,
    resolvedCount: diff.resolved.length,
    topNew: mostSevere(notMuted),
  };
}

/**
 * Everything the report renderers need for one completed run, mutes in force applied (renderers
 * show muted findings apart). `service` narrows the report to one service of the run.
 */
export async function runReportInput(
  advisor: AdvisorService,
  getCollection: (username: string, id: string) => Promise<StoredCollection>,
  options: {
    username: string;
    runId: string;
    lang: Lang;
    service?: ServiceId;
    timeZone?: string;
    now: Date;
    /** The compliance section (default: with it unless one service is asked for). */
    compliance?: boolean;
    /**
     * The user's runs, newest first (AdvisorService.storedRuns), when the caller reports many runs
     * at once: listing them reads every run record, so an organization report reads them once.
     */
    storedRuns?: readonly StoredRun[];
  },
): Promise<ReportInput> {
  const run = await advisor.requireRun(options.username, options.runId);
  if (run.status !== 'completed')
    throw new AdvisorError('run_not_completed', 'The run has not completed: there is no report yet');
  if (options.service && !run.services.includes(options.service))
    throw new AdvisorError('validation_failed', `The run did not evaluate ${options.service}`, {
      service: 'not_in_run',
    });
  const findings = await advisor.findingsOf(run);
  const change = await changeSincePrevious(
    advisor,
    run,
    findings,
    options.service ? [options.service] : run.services,
    options.storedRuns,
  );
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
    findings,
    checks: checkSummaries(),
    runId: run.runId,
    // The merged report carries the compliance section; a one-service report is about that service.
    ...(options.service || options.compliance === false
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
    ...(change ? { change } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  };
}
