import type { ReactNode } from 'react';

/**
 * A bordered card that fills its grid column's height (cards in a row line up), optionally in
 * its own column (`col`: Bootstrap column classes) and as a labelled <section>.
 */
export function Card({
  children,
  col,
  testId,
  labelledBy,
  className = '',
}: {
  children: ReactNode;
  col?: string;
  /** On the card body, where the content is. */
  testId?: string;
  /** Makes the card a <section> named by this heading id. */
  labelledBy?: string;
  className?: string;
}) {
  const Tag = labelledBy ? 'section' : 'div';
  const card = (
    <Tag className={`card stat-card h-100 ${className}`.trim()} aria-labelledby={labelledBy}>
      <div className="card-body" data-testid={testId}>
        {children}
      </div>
    </Tag>
  );
  return col ? <div className={col}>{card}</div> : card;
}

/** One headline figure: its label, the value in large type, and a line of context under it. */
export function StatCard({
  label,
  value,
  valueClassName = 'score-big',
  testId,
  col = 'col-6 col-lg-3',
  children,
}: {
  label: string;
  value: ReactNode;
  valueClassName?: string;
  /** On the value, so tests read the figure alone. */
  testId?: string;
  col?: string;
  children?: ReactNode;
}) {
  return (
    <Card col={col}>
      <div className="stat-label">{label}</div>
      <div className={valueClassName} data-testid={testId}>
        {value}
      </div>
      {children}
    </Card>
  );
}
