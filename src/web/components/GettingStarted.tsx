import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useConnections } from '../api/hooks';
import { ChartIcon, CheckIcon, KeyIcon, ServerIcon } from './Icons';
import { ErrorAlert, Loading } from './States';

type StepId = 'connect' | 'collect' | 'advise';

const STEPS = [
  { id: 'connect', to: '/settings/aws', icon: KeyIcon },
  { id: 'collect', to: '/resources', icon: ServerIcon },
  { id: 'advise', to: '/advisor', icon: ChartIcon },
] as const satisfies readonly { id: StepId; to: string; icon: unknown }[];

/**
 * The new user's path: connect AWS → collect → advise. Only "connect" can be known done today;
 * collections and advisor runs report their own progress on their pages.
 */
export function GettingStarted({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const connections = useConnections();
  const { pathname } = useLocation();
  if (connections.isPending) return <Loading />;
  if (connections.isError)
    return <ErrorAlert error={connections.error} onRetry={() => void connections.refetch()} />;
  const connected = connections.data.connections.length > 0;
  const done: Record<StepId, boolean> = { connect: connected, collect: false, advise: false };
  const current: StepId = connected ? 'collect' : 'connect';
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const StepHeading = headingLevel === 2 ? 'h3' : 'h4';

  return (
    <section aria-labelledby="getting-started-title">
      <Heading id="getting-started-title" className="h5 mb-3">
        {t('gettingStarted.title')}
      </Heading>
      <ol className="row g-3 list-unstyled mb-0">
        {STEPS.map((step, index) => {
          const Icon = step.icon;
          const isCurrent = step.id === current;
          return (
            <li key={step.id} className="col-12 col-md-4">
              <div
                className={`card h-100 step-card ${isCurrent ? 'step-current border-primary' : ''}`}
                aria-current={isCurrent ? 'step' : undefined}
              >
                <div className="card-body d-flex flex-column">
                  <div className="d-flex align-items-center justify-content-between mb-3">
                    <span className={`step-icon ${done[step.id] ? 'step-icon-done' : ''}`}>
                      {done[step.id] ? <CheckIcon size={22} /> : <Icon size={22} />}
                    </span>
                    <span
                      className={`badge rounded-pill ${done[step.id] ? 'text-bg-success' : 'text-bg-light border'}`}
                    >
                      {done[step.id] ? t('gettingStarted.done') : t('gettingStarted.step', { n: index + 1 })}
                    </span>
                  </div>
                  <StepHeading className="h6">{t(`gettingStarted.${step.id}.title`)}</StepHeading>
                  <p className="text-body-secondary small flex-grow-1">
                    {t(`gettingStarted.${step.id}.body`)}
                  </p>
                  {step.id !== 'connect' && !connected ? (
                    <p className="small text-body-secondary mb-0">{t('gettingStarted.needsConnection')}</p>
                  ) : step.to === pathname ? null /* no link to the page the user is on */ : (
                    <Link
                      to={step.to}
                      className={`btn btn-sm align-self-start ${isCurrent ? 'btn-primary' : 'btn-outline-primary'}`}
                    >
                      {t(`gettingStarted.${step.id}.action`)}
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
