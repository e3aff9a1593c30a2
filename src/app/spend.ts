/**
 * The Spend service: Cost Explorer through the user's AWS connection, with the advisor's savings of
 * that connection (the latest completed run per service, mutes applied, as on the dashboard).
 */
import type { Pluggable } from '@smithy/types';
import { latestRunPerServiceRegion, mergedFindings } from '../advisor/dashboard.js';
import type { AdvisorService } from '../advisor/service.js';
import type { Finding } from '../core/findings.js';
import { createSpendService } from '../spend/service.js';
import type { DocumentStore } from '../storage/documents.js';
import type { composeAccounts } from './accounts.js';

export function composeSpend(deps: {
  documents: DocumentStore;
  now: () => Date;
  accounts: ReturnType<typeof composeAccounts>;
  advisor: AdvisorService;
  /** Test-only SDK middleware on Cost Explorer calls (fault injection, call counting). */
  costExplorerPlugins?: Pluggable<object, object>[];
}) {
  const { advisor } = deps;
  return createSpendService({
    documents: deps.documents,
    resolveCredentials: (username, connectionId) =>
      deps.accounts.connections.resolveCredentials(username, connectionId),
    advisorSavings: async (username, connectionId) => {
      const stored = (await advisor.runs.coverage(username).read()).filter(
        (r) => r.connectionId === connectionId,
      );
      const sources = latestRunPerServiceRegion(stored);
      const findingsByRun = new Map<string, Finding[]>();
      for (const runId of new Set(sources.map((s) => s.runId))) {
        const run = stored.find((s) => s.runId === runId);
        if (run) findingsByRun.set(runId, await advisor.findingsOf(run));
      }
      // Sources are per service × region; the page names each service's runs once.
      const perService = new Map(sources.map((s) => [`${s.service}|${s.runId}`, s]));
      return {
        findings: mergedFindings(sources, findingsByRun),
        sources: [...perService.values()],
      };
    },
    now: deps.now,
    ...(deps.costExplorerPlugins ? { costExplorerPlugins: deps.costExplorerPlugins } : {}),
  });
}
