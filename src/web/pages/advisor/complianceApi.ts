import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ComplianceFrameworkId } from '../../../core/compliance';
import type { Lang } from '../../../core/services';
import { ComplianceResponse } from '../../../shared/api/compliance';
import { useApi } from '../../api/hooks';
import { advisorKeys } from './api';

const enc = encodeURIComponent;

/** One run's compliance view of a framework (under the advisor keys, so a new run refreshes it). */
export function useCompliance(runId: string | undefined, framework: ComplianceFrameworkId) {
  const api = useApi();
  return useQuery({
    queryKey: [...advisorKeys.all, 'compliance', runId ?? '', framework],
    queryFn: () =>
      api.get(`/api/advisor/runs/${enc(runId ?? '')}/compliance?framework=${framework}`, ComplianceResponse),
    enabled: Boolean(runId),
    placeholderData: keepPreviousData,
  });
}

export function complianceReportUrl(
  runId: string,
  options: { framework: ComplianceFrameworkId; format: 'pdf' | 'csv' | 'json'; lang: Lang },
): string {
  const params = new URLSearchParams({
    framework: options.framework,
    format: options.format,
    lang: options.lang,
  });
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (tz) params.set('tz', tz);
  return `/api/advisor/runs/${enc(runId)}/compliance/report?${params.toString()}`;
}
