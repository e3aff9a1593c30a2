import type { Finding } from '../../core/findings.js';
import { fillRemediation } from '../../core/remediation.js';
import { label } from '../i18n.js';
import type { CheckGroup } from '../model.js';
import type { RenderContext } from './context.js';
import { SIZE } from './theme.js';

/** Open resources whose commands are printed in full; the rest are counted. */
export const COMMANDS_PER_GROUP = 5;

/** Why it matters and the numbered steps, under a check's header. */
export function drawRemediationSteps(ctx: RenderContext, group: CheckGroup): void {
  const { w, input } = ctx;
  const lang = input.lang;
  const remediation = group.check.remediation;
  if (remediation.why[lang]) {
    w.paragraph(`${label(lang, 'whyItMatters')}: ${remediation.why[lang]}`, {
      size: SIZE.table,
      color: '#374151',
      gapAfter: 2,
    });
  }
  // With one open resource the steps name it; with several they keep the placeholder.
  const only = group.open.length === 1 ? group.open[0] : undefined;
  const steps = fillRemediation(remediation, lang, only ?? {}).steps;
  if (steps.length > 0) {
    w.paragraph(`${label(lang, 'steps')}: ${steps.map((s, i) => `${i + 1}. ${s}`).join('  ')}`, {
      size: SIZE.table,
      color: '#374151',
      gapAfter: 4,
    });
  }
}

/** The commands (and IaC snippet) filled in for the first open resources of a group. */
export function drawRemediationCommands(ctx: RenderContext, group: CheckGroup): void {
  const { w, input } = ctx;
  const lang = input.lang;
  const remediation = group.check.remediation;
  if (remediation.commands.length === 0 && !remediation.iac) return;
  const accountId = input.account.id ?? input.collection.accountId;
  const shown: Finding[] = group.open.slice(0, COMMANDS_PER_GROUP);
  for (const finding of shown) {
    const filled = fillRemediation(remediation, lang, { ...finding, accountId });
    const resource = w.clean(finding.resourceName ?? finding.resourceId, 80);
    const lines = [...filled.commands];
    if (filled.iac)
      lines.push(`# ${filled.iac.kind === 'terraform' ? 'Terraform' : 'CloudFormation'}`, filled.iac.code);
    w.codeBlock(lines, label(lang, 'commandsFor', { resource, region: finding.region }));
  }
  const rest = group.open.length - shown.length;
  if (rest > 0) w.paragraph(label(lang, 'moreResources', { n: rest }), { size: SIZE.small, gapAfter: 4 });
}
