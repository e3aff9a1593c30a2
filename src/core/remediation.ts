import type { Lang, LocalizedText } from './services.js';

/**
 * How to fix a failing check, structured so every surface (web, PDF, CSV/JSON) shows the same
 * parts: why it matters, the console steps, copyable commands and, where it is one line, an
 * infrastructure-as-code snippet.
 *
 * Commands and snippets are templates: `{{resourceId}}`, `{{resourceName}}`, `{{region}}`,
 * `{{accountId}}` and `{{details.<key>}}` are filled from a finding; a value that is not known
 * becomes an upper-case `<PLACEHOLDER>` for the reader to replace. Placeholders the reader always
 * chooses (a new key id, a log bucket) are written as `<NAME>` directly.
 */
export interface Remediation {
  /** The risk or the cost of leaving it as it is, in one sentence. */
  why: LocalizedText;
  /** Steps in order: what to check first, the console path, caveats. Same count in both languages. */
  steps: { en: string[]; ko: string[] };
  /** Shell commands (AWS CLI), one per entry. Empty when the fix cannot be scripted. */
  commands: string[];
  /** A one-line Terraform or CloudFormation fragment, when the fix is one. */
  iac?: { kind: 'terraform' | 'cloudformation'; code: string };
}

/** The facts of one finding that fill a template. */
export interface RemediationTarget {
  resourceId?: string;
  resourceName?: string;
  region?: string;
  accountId?: string;
  details?: Record<string, string | number | boolean | null>;
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+(?:\.[a-zA-Z0-9_]+)?)\s*\}\}/g;

/** "details.recommendedType" → "<RECOMMENDED_TYPE>", "resourceId" → "<RESOURCE_ID>". */
function unknownPlaceholder(key: string): string {
  const last = key.split('.').pop() ?? key;
  return `<${last.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}>`;
}

/** Regions that are not a real AWS region (global checks) are not filled in. */
function realRegion(region: string | undefined): string | undefined {
  return region && region !== 'global' ? region : undefined;
}

function targetValue(key: string, target: RemediationTarget): string | undefined {
  if (key.startsWith('details.')) {
    const value = target.details?.[key.slice('details.'.length)];
    return value === null || value === undefined || value === '' ? undefined : String(value);
  }
  switch (key) {
    case 'resourceId':
      return target.resourceId;
    case 'resourceName':
      return target.resourceName ?? target.resourceId;
    case 'region':
      return realRegion(target.region);
    case 'accountId':
      return target.accountId;
    default:
      return undefined;
  }
}

/** A template with the finding's values in place; unknown values become `<PLACEHOLDER>`. */
export function fillTemplate(template: string, target: RemediationTarget = {}): string {
  return template.replace(
    PLACEHOLDER,
    (_, key: string) => targetValue(key, target) ?? unknownPlaceholder(key),
  );
}

/** Every placeholder key a template uses (for tests and validation). */
export function templateKeys(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

export interface FilledRemediation {
  why: string;
  steps: string[];
  commands: string[];
  iac?: { kind: 'terraform' | 'cloudformation'; code: string };
}

/** The remediation in one language with a finding's values filled in. */
export function fillRemediation(
  remediation: Remediation,
  lang: Lang,
  target: RemediationTarget = {},
): FilledRemediation {
  const filled: FilledRemediation = {
    why: remediation.why[lang],
    steps: remediation.steps[lang].map((step) => fillTemplate(step, target)),
    commands: remediation.commands.map((command) => fillTemplate(command, target)),
  };
  if (remediation.iac) filled.iac = { ...remediation.iac, code: fillTemplate(remediation.iac.code, target) };
  return filled;
}

/** One paragraph for plain-text exports (CSV, the JSON report's `remediation` string). */
export function remediationText(
  remediation: Remediation,
  lang: Lang,
  target: RemediationTarget = {},
): string {
  const filled = fillRemediation(remediation, lang, target);
  const parts = [filled.why, ...filled.steps];
  if (filled.commands.length > 0)
    parts.push(`${lang === 'ko' ? '명령' : 'Commands'}: ${filled.commands.join(' ; ')}`);
  if (filled.iac)
    parts.push(`${filled.iac.kind === 'terraform' ? 'Terraform' : 'CloudFormation'}: ${filled.iac.code}`);
  return parts.join(' ');
}
