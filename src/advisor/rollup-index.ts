import { z } from 'zod';
import { keys } from '../storage/keys.js';
import { computeRunFigures, RunFigures } from './run-figures.js';
import type { AdvisorDocuments, AdvisorRunStore, StoredRun } from './store.js';

const RollupIndexDocument = z.object({ version: z.literal(1), runs: z.record(z.string(), RunFigures) });
type RollupIndexDocument = z.infer<typeof RollupIndexDocument>;

/** The runs of the coverage index with their figures: what a roll-up request reads, in two documents. */
export interface RollupSnapshot {
  /** The latest completed run of each account × service × region (the coverage index). */
  runs: StoredRun[];
  figures: ReadonlyMap<string, RunFigures>;
}

/**
 * users/{username}/indexes/advisor-rollup.json: the compact figures (./run-figures.ts) of the runs
 * the coverage index names, so the organization roll-up reads two documents whatever the number of
 * accounts. Written when a run finishes (the advisor's run-finished hook); a run without figures
 * (finished before this index existed, or whose hook was missed) is computed once on read and
 * stored. Runs that are no longer the source of anything are dropped on every write, so the
 * document follows the coverage index's size, never the history's.
 */
export class RollupIndex {
  constructor(
    private readonly docs: AdvisorDocuments,
    private readonly runs: AdvisorRunStore,
  ) {}

  private async figuresOfRun(run: StoredRun): Promise<RunFigures> {
    return computeRunFigures(await this.runs.getServiceDocuments(run));
  }

  /** Merges computed figures in by compare-and-swap, keeping only the runs still in `sources`. */
  private async merge(username: string, computed: ReadonlyMap<string, RunFigures>, sources: StoredRun[]) {
    const kept = new Set(sources.map((r) => r.runId));
    await this.docs.updateJson(keys.advisorRollupIndex(username), RollupIndexDocument, (current) => {
      const runs: RollupIndexDocument['runs'] = {};
      for (const [runId, figures] of [...Object.entries(current?.runs ?? {}), ...computed])
        if (kept.has(runId)) runs[runId] = figures;
      return { version: 1 as const, runs };
    });
  }

  /** The coverage index's runs and their figures (computing and storing any that are missing). */
  async read(username: string): Promise<RollupSnapshot> {
    const [runs, stored] = await Promise.all([
      this.runs.coverage(username).read(),
      this.docs.getJsonFresh(keys.advisorRollupIndex(username), RollupIndexDocument),
    ]);
    const figures = new Map(Object.entries(stored?.value.runs ?? {}));
    const computed = new Map<string, RunFigures>();
    for (const run of runs)
      if (!figures.has(run.runId)) computed.set(run.runId, await this.figuresOfRun(run));
    if (computed.size > 0) {
      for (const [runId, f] of computed) figures.set(runId, f);
      await this.merge(username, computed, runs);
    }
    return { runs, figures };
  }

  /** A run finished: its figures are stored now, so the next roll-up request reads them ready. */
  async record(run: StoredRun): Promise<void> {
    if (run.status !== 'completed') return;
    const sources = await this.runs.coverage(run.username).read();
    if (!sources.some((r) => r.runId === run.runId)) return;
    await this.merge(run.username, new Map([[run.runId, await this.figuresOfRun(run)]]), sources);
  }
}
