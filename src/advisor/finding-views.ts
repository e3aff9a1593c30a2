import type { AnyCheck } from '../checks/lib/run-checks.js';
import type { Finding } from '../core/findings.js';
import type {
  FindingFilter,
  FindingGroupsResponse,
  FindingPageQuery,
  FindingPageResponse,
} from '../shared/api/advisor.js';
import { groupFindings, pageFindings, type TitleOf } from './finding-groups.js';
import type { StoredRun } from './store.js';

export interface FindingViewsDeps {
  requireRun: (username: string, runId: string) => Promise<StoredRun>;
  /** The run's findings with the mutes in force now. */
  findingsOf: (run: StoredRun, username: string) => Promise<Finding[]>;
  checks: () => readonly AnyCheck[];
}

/** The results page's grouped table and its pages of findings, computed where the findings are. */
export function createFindingViews(deps: FindingViewsDeps) {
  let titles: { checks: readonly AnyCheck[]; byId: Map<string, string> } | undefined;
  const titleOf: TitleOf = (checkId) => {
    const checks = deps.checks();
    if (titles?.checks !== checks) {
      titles = {
        checks,
        byId: new Map(
          checks.map((c) => [
            c.id,
            [c.title.en, c.title.ko, c.failureLabel.en, c.failureLabel.ko].join('\n'),
          ]),
        ),
      };
    }
    return titles.byId.get(checkId) ?? '';
  };
  /** A run still in progress has no findings yet: empty views, not an error. */
  const findings = async (username: string, runId: string) => {
    const run = await deps.requireRun(username, runId);
    return run.status === 'completed' ? deps.findingsOf(run, username) : [];
  };
  return {
    async groups(username: string, runId: string, filter: FindingFilter): Promise<FindingGroupsResponse> {
      return groupFindings(await findings(username, runId), filter, titleOf);
    },
    async page(username: string, runId: string, query: FindingPageQuery): Promise<FindingPageResponse> {
      return pageFindings(await findings(username, runId), query, titleOf);
    },
  };
}
