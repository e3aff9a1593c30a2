import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useConnections } from '../api/hooks';
import { useAdvisorRuns, useCollectionList } from '../pages/advisor/api';
import { ChartIcon, CheckIcon, KeyIcon, ServerIcon } from './Icons';
import { ErrorAlert, Loading } from './States';

export type StepId = 'connect' | 'collect' | 'advise';
export type StepState = 'done' | 'next' | 'todo';

const STEPS = [
  { id: 'connect', to: '/settings/aws', icon: KeyIcon },
  { id: 'collect', to: '/resources', icon: ServerIcon },
  { id: 'advise', to: '/advisor', icon: ChartIcon },
] as const satisfies readonly { id: StepId; to: string; icon: unknown }[];

/** Done steps stay done; the first step not done is the next one (the call to action). */
export function stepStates(done: Record<StepId, boolean>): Record<StepId, StepState> {
  const next = STEPS.find((s) => !done[s.id])?.id;
  const state = (id: StepId): StepState => (done[id] ? 'done' : id === next ? 'next' : 'todo');
  return { connect: state('connect'), collect: state('collect'), advise: state('advise') };
}

/**
 * What the user has done so far: a connection exists; a collection finished with data (a failed
 * one leaves nothing to look at); an advisor run completed. Shares the pages' queries (same keys).
 */
export function useGettingStarted() {
  const connections = useConnections();
  const collections = useCollectionList();
  const runs = useAdvisorRuns(50);
  const queries = [connections, collections, runs];
  const done: Record<StepId, boolean> = {
    connect: (connections.data?.connections.length ?? 0) > 0,
    collect: (collections.data?.collections ?? []).some(
      (c) => c.status === 'completed' || c.status === 'completed_with_errors',
    ),
    advise: (runs.data?.runs ?? []).some((r) => r.status === 'completed'),
  };
  return {
    pending: queries.some((q) => q.isPending),
    error: queries.find((q) => q.isError)?.error ?? null,
    retry: () => {
      for (const q of queries) if (q.isError) void q.refetch();
    },
    done,
    allDone: done.connect && done.collect && done.advise,
  };
}

/**
 * The new user's path: connect AWS → collect → advise, each step done, next or still to do.
 * `hideWhenDone`: render nothing once all three are done (the dashboard keeps it until then).
 */
export function GettingStarted({
  headingLevel = 2,
  hideWhenDone = false,
}: {
  headingLevel?: 2 | 3;
  hideWhenDone?: boolean;
}) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const progress = useGettingStarted();
  if (progress.pending) return <Loading />;
  if (progress.error) return <ErrorAlert error={progress.error} onRetry={progress.retry} />;
  if (hideWhenDone && progress.allDone) return null;
  const states = stepStates(progress.done);
  const connected = progress.done.connect;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const StepHeading = headingLevel === 2 ? 'h3' : 'h4';
  const badge: Record<StepState, string> = {
    done: 'text-bg-success',
    next: 'text-bg-primary',
    todo: 'text-bg-light border',
  };

  return (
    <section aria-labelledby="getting-started-title" className="mb-4" data-testid="getting-started">
      <Heading id="getting-started-title" className="h5 mb-3">
        {t('gettingStarted.title')}
      </Heading>
      <ol className="row g-3 list-unstyled mb-0">
        {STEPS.map((step, index) => {
          const Icon = step.icon;
          const state = states[step.id];
          const isNext = state === 'next';
          return (
            <li key={step.id} className="col-12 col-md-4" data-step={step.id} data-state={state}>
              <div
                className={`card h-100 step-card ${isNext ? 'step-current border-primary' : ''}`}
                aria-current={isNext ? 'step' : undefined}
              >
                <div className="card-body d-flex flex-column">
                  <div className="d-flex align-items-center justify-content-between mb-3">
                    <span className={`step-icon ${state === 'done' ? 'step-icon-done' : ''}`}>
                      {state === 'done' ? <CheckIcon size={22} /> : <Icon size={22} />}
                    </span>
                    <span className={`badge rounded-pill ${badge[state]}`}>
                      {t('gettingStarted.step', { n: index + 1 })} · {t(`gettingStarted.states.${state}`)}
                    </span>
                  </div>
                  <StepHeading className="h6">{t(`gettingStarted.${step.id}.title`)}</StepHeading>
                  <p className="text-body-secondary small flex-grow-1">
                    {t(`gettingStarted.${step.id}.${state === 'done' ? 'doneBody' : 'body'}`)}
                  </p>
                  {step.id !== 'connect' && !connected ? (
                    <p className="small text-body-secondary mb-0">{t('gettingStarted.needsConnection')}</p>
                  ) : step.to === pathname ? null /* no link to the page the user is on */ : (
                    <Link
                      to={step.to}
                      className={`btn btn-sm align-self-start ${isNext ? 'btn-primary' : 'btn-outline-primary'}`}
                    >
                      {t(`gettingStarted.${step.id}.${state === 'done' ? 'again' : 'action'}`)}
                    </Link>
                  )}
                </div>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
