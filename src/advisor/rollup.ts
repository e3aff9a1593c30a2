import type { Finding } from '../core/findings.js';
import type { ServiceId } from '../core/services.js';
import type { DashboardResponse, DashboardSource } from '../shared/api/dashboard.js';
import { accountKeyOf, latestRunPerServiceRegion } from './dashboard.js';
import type { MuteContext } from './mute-context.js';
import { type FiguresReader, runTallies, type SourceRun, topSavingsOf } from './rollup-figures.js';
import { RollupIndex } from './rollup-index.js';
import type { AdvisorDocuments, AdvisorRunStore, StoredRun } from './store.js';
import { type RunResults, type SummarizedFinding, summarizeFindings } from './summary.js';

/** One account's figures over its own latest runs, mutes in force applied. */
export interface AccountFigures {
  connectionId: string;
  accountId?: string | undefined;
  /** Null before the account's first completed run. */
  results: RunResults | null;
  /** The account's runs that are still the source of some service × region. */
  runs: StoredRun[];
}

export interface AdvisorRollupDeps {
  documents: AdvisorDocuments;
  runs: AdvisorRunStore;
  /** The rules in force and each account's mute target (the advisor service's mute context). */
  muteContext: (username: string) => Promise<MuteContext>;
}

export type AdvisorRollup = ReturnType<typeof createAdvisorRollup>;

/**
 * The dashboard over many accounts and the per-account roll-up, from precomputed run figures
 * (./rollup-index.ts): a request reads the coverage index, the roll-up index and the mutes — three
 * documents whatever the number of accounts — plus, rarely, the one service document of a run a
 * resource mute may touch or that holds one of the ten biggest savings. Results equal those of
 * merging and muting every source run's findings (src/advisor/dashboard.ts), which stays the
 * reference the tests compare against.
 */
export function createAdvisorRollup(deps: AdvisorRollupDeps) {
  const index = new RollupIndex(deps.documents, deps.runs);

  async function load(username: string, includes: (run: StoredRun) => boolean) {
    const [snapshot, mutes] = await Promise.all([index.read(username), deps.muteContext(username)]);
    const runs = snapshot.runs.filter(includes);
    const sources = latestRunPerServiceRegion(runs);
    // Within one request a service document is read at most once.
    const read = new Map<string, Promise<readonly Finding[]>>();
    const reader: FiguresReader = {
      rules: mutes.rules,
      now: mutes.at,
      serviceFindings: (run: StoredRun, service: ServiceId) => {
        const key = `${run.runId}\u0000${service}`;
        let found = read.get(key);
        if (!found) {
          found = deps.runs.getServiceDocument(run, service).then((d) => d?.findings ?? []);
          read.set(key, found);
        }
        return found;
      },
    };
    const runById = new Map(runs.map((r) => [r.runId, r]));
    const sourcesByAccount = new Map<string, DashboardSource[]>();
    for (const s of sources) {
      const own = sourcesByAccount.get(accountKeyOf(s));
      if (own) own.push(s);
      else sourcesByAccount.set(accountKeyOf(s), [s]);
    }
    const sourceRuns: SourceRun[] = [];
    for (const runId of new Set(sources.map((s) => s.runId))) {
      const run = runById.get(runId);
      const figures = snapshot.figures.get(runId);
      if (!run || !figures) continue;
      const accountSources = sourcesByAccount.get(accountKeyOf(run)) ?? [];
      const account = {
        connectionId: run.connectionId,
        ...(run.accountId ? { accountId: run.accountId } : {}),
      };
      sourceRuns.push({ run, figures, accountSources, target: await mutes.targetOf(account) });
    }
    return { runs, sources, sourceRuns, reader };
  }

  return {
    /** Stores a finished run's figures (the advisor's run-finished hook). */
    record: (run: StoredRun) => index.record(run),

    /** GET /api/dashboard over the runs `includes` keeps (one account, an OU, all). */
    async dashboard(username: string, includes: (run: StoredRun) => boolean): Promise<DashboardResponse> {
      const { sources, sourceRuns, reader } = await load(username, includes);
      const tallies: SummarizedFinding[] = [];
      for (const source of sourceRuns) for (const t of await runTallies(source, reader)) tallies.push(t);
      return {
        sources,
        results: sources.length > 0 ? summarizeFindings(tallies) : null,
        topSavings: await topSavingsOf(sourceRuns, reader),
      };
    },

    /** Each account with a completed run among those `includes` keeps, by accountKeyOf. */
    async accounts(
      username: string,
      includes: (run: StoredRun) => boolean,
    ): Promise<Map<string, AccountFigures>> {
      const { runs, sourceRuns, reader } = await load(username, includes);
      const out = new Map<string, AccountFigures>();
      for (const run of runs) {
        const key = accountKeyOf(run);
        const account = out.get(key) ?? {
          connectionId: run.connectionId,
          ...(run.accountId ? { accountId: run.accountId } : {}),
          results: null,
          runs: [],
        };
        account.runs.push(run);
        out.set(key, account);
      }
      const tallies = new Map<string, SummarizedFinding[]>();
      for (const source of sourceRuns) {
        const key = accountKeyOf(source.run);
        tallies.set(key, (tallies.get(key) ?? []).concat(await runTallies(source, reader)));
      }
      for (const [key, account] of out) account.results = summarizeFindings(tallies.get(key) ?? []);
      return out;
    },
  };
}
