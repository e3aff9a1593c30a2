import type { Finding } from '../core/findings.js';
import type { ServiceId } from '../core/services.js';
import { isOpen } from './summary.js';

export interface FindingsComparison {
  services: ServiceId[];
  new: Finding[];
  resolved: { before: Finding; after: Finding | null }[];
  stillFailing: Finding[];
}

/** One finding per check × resource × region: the identity a finding keeps from run to run. */
export const findingKey = (f: Pick<Finding, 'checkId' | 'resourceId' | 'region'>) =>
  JSON.stringify([f.checkId, f.resourceId, f.region]);

/**
 * New, resolved and still-failing findings between two runs, over the services both evaluated
 * (a service only one run looked at would show everything as new or resolved). An open finding in
 * `from` whose resource is gone in `to` counts as resolved with `after: null`. A finding that turned
 * `unknown` is neither: nothing says it was fixed.
 */
export function compareFindings(
  from: { services: readonly ServiceId[]; findings: readonly Finding[] },
  to: { services: readonly ServiceId[]; findings: readonly Finding[] },
): FindingsComparison {
  const services = from.services.filter((s) => to.services.includes(s));
  const inScope = (f: Finding) => services.includes(f.service);
  const before = new Map(from.findings.filter(inScope).map((f) => [findingKey(f), f]));
  const after = new Map(to.findings.filter(inScope).map((f) => [findingKey(f), f]));
  const result: FindingsComparison = { services, new: [], resolved: [], stillFailing: [] };
  for (const [key, f] of after) {
    if (!isOpen(f)) continue;
    const old = before.get(key);
    if (old && isOpen(old)) result.stillFailing.push(f);
    else result.new.push(f);
  }
  for (const [key, f] of before) {
    if (!isOpen(f)) continue;
    const now = after.get(key);
    if (!now) result.resolved.push({ before: f, after: null });
    else if (now.status === 'pass' || now.status === 'not_applicable')
      result.resolved.push({ before: f, after: now });
  }
  return result;
}
