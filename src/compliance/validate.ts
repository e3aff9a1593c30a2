import { COMPLIANCE_FRAMEWORK_IDS, type ComplianceMapping } from '../core/compliance.js';
import { controlIndex, FRAMEWORKS } from './frameworks/index.js';

const KNOWN = Object.fromEntries(
  COMPLIANCE_FRAMEWORK_IDS.map((f) => [f, controlIndex(FRAMEWORKS[f])]),
) as Record<(typeof COMPLIANCE_FRAMEWORK_IDS)[number], ReturnType<typeof controlIndex>>;

/** What is wrong with one check's mapping (empty when it is fine). */
export function mappingProblems(checkId: string, mapping: ComplianceMapping | undefined): string[] {
  if (!mapping) return [`${checkId}: no compliance mapping`];
  const problems: string[] = [];
  let count = 0;
  for (const framework of COMPLIANCE_FRAMEWORK_IDS) {
    const ids = mapping[framework] ?? [];
    count += ids.length;
    if (new Set(ids).size !== ids.length) problems.push(`${checkId}: ${framework} lists a control twice`);
    for (const id of ids) {
      if (!KNOWN[framework].has(id)) problems.push(`${checkId}: unknown ${framework} control ${id}`);
    }
  }
  const reason = mapping.noneReason?.trim() ?? '';
  if (count === 0 && reason.length === 0) problems.push(`${checkId}: maps to no control and gives no reason`);
  if (count > 0 && mapping.noneReason !== undefined) {
    problems.push(`${checkId}: gives a reason for mapping nothing but maps ${count} control(s)`);
  }
  return problems;
}
