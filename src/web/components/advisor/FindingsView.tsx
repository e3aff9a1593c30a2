import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, SEVERITIES, type ServiceId } from '../../../core/services';
import type { CheckCatalogueEntry, CreateMuteBody, FindingDto } from '../../../shared/api/advisor';
import { currentLang } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useCreateMute, useDeleteMute } from '../../pages/advisor/api';
import { focusElement } from '../focus';
import { ErrorAlert } from '../States';
import { SeverityBadge } from './badges';
import { applyFilters, EMPTY_FILTERS, type Filters, FindingFilters } from './FindingFilters';
import { FindingItem } from './FindingItem';
import { MuteDialog } from './MuteDialog';

/** How long focus waits for a muted or unmuted finding to reappear in its new list. */
const FOCUS_FALLBACK_MS = 2000;

/** Findings of one run grouped by category, then severity (worst first), muted ones apart. */
export function FindingsView({
  findings,
  muted,
  checks,
  services,
}: {
  findings: readonly FindingDto[];
  muted: readonly FindingDto[];
  checks: ReadonlyMap<string, CheckCatalogueEntry>;
  services: readonly ServiceId[];
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const fmt = useFormat();
  const [filters, setFilters] = useState<Filters>(EMPTY_FILTERS);
  const [muting, setMuting] = useState<FindingDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // After mute/unmute the button that was pressed leaves the list: focus follows the finding to
  // its new place (or that list's heading), instead of falling back to the top of the page.
  const [focusAfter, setFocusAfter] = useState<{ selector: string; fallback: string } | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const createMute = useCreateMute();
  const deleteMute = useDeleteMute();
  const titleOf = (checkId: string) => checks.get(checkId)?.failureLabel[lang] ?? checkId;

  const shown = useMemo(
    () =>
      applyFilters(findings, filters, (id) => {
        const check = checks.get(id);
        return check ? `${check.failureLabel[lang]} ${check.title[lang]}` : id;
      }),
    [findings, filters, checks, lang],
  );
  const groups = useMemo(
    () =>
      CATEGORIES.map((category) => ({
        category,
        bySeverity: SEVERITIES.map((severity) => ({
          severity,
          items: shown.filter((f) => f.category === category && f.severity === severity),
        })).filter((g) => g.items.length > 0),
      })).filter((g) => g.bySeverity.length > 0),
    [shown],
  );
  const openTotal = findings.filter((f) => f.status === 'fail' || f.status === 'warning').length;

  // biome-ignore lint/correctness/useExhaustiveDependencies: re-runs when the lists change, to find the moved finding
  useEffect(() => {
    if (!focusAfter || !sectionRef.current) return;
    const section = sectionRef.current;
    const target = section.querySelector<HTMLElement>(focusAfter.selector);
    if (target) {
      focusElement(target);
      setFocusAfter(null);
      return;
    }
    // The refetched lists render a moment after the mutation reports success (this effect runs
    // again then); only if the finding never shows up does focus settle on the list heading.
    const timer = setTimeout(() => {
      focusElement(section.querySelector<HTMLElement>(focusAfter.fallback));
      setFocusAfter(null);
    }, FOCUS_FALLBACK_MS);
    return () => clearTimeout(timer);
  }, [focusAfter, findings, muted]);

  const submitMute = (body: CreateMuteBody) =>
    createMute.mutate(body, {
      onSuccess: () => {
        const finding = muting;
        setMuting(null);
        setNotice(t('advisor.finding.muted'));
        if (finding) {
          setFocusAfter({
            selector: `[data-testid=muted-findings] ${findingSelector(finding)} button`,
            fallback: '#muted-title',
          });
        }
      },
    });
  const unmute = (finding: FindingDto) => {
    if (!finding.muted) return;
    deleteMute.mutate(finding.muted.ruleId, {
      onSuccess: () => {
        setNotice(t('advisor.finding.unmuted'));
        setFocusAfter({
          selector: `[data-testid^=category-] ${findingSelector(finding)} button`,
          fallback: '#findings-title',
        });
      },
    });
  };

  return (
    <section ref={sectionRef} aria-labelledby="findings-title">
      <h2 id="findings-title" className="h5 mb-3">
        {t('advisor.results.findingsGrouped')}
      </h2>
      <div role="status" className={notice ? 'alert alert-success py-2' : 'visually-hidden'}>
        {notice}
      </div>
      {deleteMute.isError && <ErrorAlert error={deleteMute.error} />}
      <FindingFilters filters={filters} services={services} onChange={setFilters} />
      {groups.length === 0 && (
        <p className="text-body-secondary border rounded-3 bg-body p-4 text-center">
          {openTotal === 0 && filters.status === 'open'
            ? t('advisor.results.allPassing')
            : t('advisor.results.noMatches')}
        </p>
      )}
      {groups.map((group) => {
        const count = group.bySeverity.reduce((n, g) => n + g.items.length, 0);
        return (
          <section
            key={group.category}
            className="mb-4"
            aria-labelledby={`cat-${group.category}`}
            data-testid={`category-${group.category}`}
          >
            <h3 id={`cat-${group.category}`} className="h6 d-flex align-items-center gap-2 mb-2">
              {t(`advisor.categories.${group.category}`)}
              <span className="badge rounded-pill text-bg-light border">
                {t('advisor.results.groupCount', { count, formattedCount: fmt.number(count) })}
              </span>
            </h3>
            {group.bySeverity.map(({ severity, items }) => (
              <div key={severity} className="mb-2">
                <div className="d-flex align-items-center gap-2 small text-body-secondary mb-1">
                  <SeverityBadge severity={severity} />
                  <span>{t('advisor.results.groupCount', { count: items.length })}</span>
                </div>
                <ul className="list-group shadow-sm">
                  {items.map((f) => (
                    <FindingItem
                      key={`${f.checkId}|${f.region}|${f.resourceId}`}
                      finding={f}
                      check={checks.get(f.checkId)}
                      onMute={setMuting}
                      busy={createMute.isPending}
                    />
                  ))}
                </ul>
              </div>
            ))}
          </section>
        );
      })}

      <section
        className="muted-section border rounded-3 p-3 mt-4"
        aria-labelledby="muted-title"
        data-testid="muted-findings"
      >
        <h3 id="muted-title" className="h6">
          {t('advisor.results.mutedTitle', { count: muted.length })}
        </h3>
        {muted.length === 0 ? (
          <p className="text-body-secondary small mb-0">{t('advisor.results.mutedEmpty')}</p>
        ) : (
          <ul className="list-group">
            {muted.map((f) => (
              <FindingItem
                key={`${f.checkId}|${f.region}|${f.resourceId}`}
                finding={f}
                check={checks.get(f.checkId)}
                onUnmute={unmute}
                busy={deleteMute.isPending}
              />
            ))}
          </ul>
        )}
      </section>

      {muting && (
        <MuteDialog
          finding={muting}
          title={`${titleOf(muting.checkId)} – ${muting.resourceName ?? muting.resourceId}`}
          busy={createMute.isPending}
          error={createMute.error}
          onSubmit={submitMute}
          onCancel={() => {
            setMuting(null);
            createMute.reset();
          }}
        />
      )}
    </section>
  );
}

/** The list item of one finding (FindingItem's data attributes). */
function findingSelector(finding: FindingDto): string {
  return `[data-testid=finding][data-check="${CSS.escape(finding.checkId)}"][data-resource="${CSS.escape(finding.resourceId)}"]`;
}
