import { COMPLIANCE_FRAMEWORK_IDS, type ComplianceFrameworkId } from '../core/compliance.js';
import { SERVICE_IDS, type ServiceId } from '../core/services.js';
import { REGION_PATTERN } from '../shared/api/collections.js';
import { ROLE_ARN_PATTERN } from '../shared/api/connections.js';
import { CliError, EXIT } from './errors.js';

/** Options as commander hands them over (lists may repeat and carry commas). */
export interface RawOptions {
  services?: string[];
  regions?: string[];
  allRegions?: boolean;
  roleArn?: string;
  externalId?: string;
  output?: string;
  format?: string;
  lang?: string;
  progress?: boolean;
  failOn?: string;
  compliance?: string;
}

export interface CollectArgs {
  services: ServiceId[];
  regions: string[] | 'all-enabled';
  role?: { roleArn: string; externalId?: string };
  output?: string;
  progress: boolean;
}

export const FAIL_ON_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

/** `--compliance` takes the console's framework ids, or the names with their version. */
export const COMPLIANCE_NAMES: Readonly<Record<string, ComplianceFrameworkId>> = {
  ...Object.fromEntries(COMPLIANCE_FRAMEWORK_IDS.map((id) => [id, id])),
  'cis-v5': 'cis',
  'ismsp-2023': 'ismsp',
};

export interface ScanArgs extends CollectArgs {
  /** The findings report's format (unused with `compliance`). */
  format: 'json' | 'csv' | 'pdf';
  lang: 'ko' | 'en';
  failOn?: (typeof FAIL_ON_SEVERITIES)[number];
  /** `--compliance`: write this framework's per-control view instead of the findings report. */
  compliance?: { framework: ComplianceFrameworkId; format: 'table' | 'csv' | 'json' };
}

/** The framework `--compliance` names (trimmed, lower case), or a usage error listing the names. */
export function complianceFramework(name: string): ComplianceFrameworkId {
  const framework = COMPLIANCE_NAMES[name.trim().toLowerCase()];
  if (!framework)
    throw bad(
      `Unknown compliance framework: ${name} (choose from ${Object.keys(COMPLIANCE_NAMES).join(', ')})`,
    );
  return framework;
}

function parseCompliance(raw: RawOptions): Pick<ScanArgs, 'format' | 'compliance'> {
  const name = raw.compliance?.trim().toLowerCase();
  if (name === undefined) {
    const format = raw.format ?? 'json';
    if (format === 'table') throw bad('--format table needs --compliance (the per-control table)');
    if (format !== 'json' && format !== 'csv' && format !== 'pdf')
      throw bad('--format must be json, csv or pdf');
    return { format };
  }
  const compliance = complianceFramework(name);
  const format = raw.format ?? 'table';
  if (format === 'pdf')
    throw bad(
      '--compliance writes table, csv or json; the PDF report (without --compliance) has a compliance section',
    );
  if (format !== 'table' && format !== 'csv' && format !== 'json')
    throw bad('--format must be table, csv or json with --compliance');
  return { format: 'json', compliance: { framework: compliance, format } };
}

const bad = (message: string) => new CliError(message, EXIT.badArguments);
export const splitList = (values: string[] | undefined): string[] =>
  (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');

export function parseCollectArgs(raw: RawOptions, env: NodeJS.ProcessEnv): CollectArgs {
  const services = splitList(raw.services);
  const unknown = services.filter((s) => !(SERVICE_IDS as readonly string[]).includes(s));
  if (unknown.length > 0)
    throw bad(`Unknown service: ${unknown.join(', ')} (choose from ${SERVICE_IDS.join(', ')})`);
  const regionList = splitList(raw.regions);
  if (raw.allRegions && regionList.length > 0) throw bad('Use either --regions or --all-regions, not both');
  const badRegions = regionList.filter((r) => !REGION_PATTERN.test(r));
  if (badRegions.length > 0) throw bad(`Invalid region name: ${badRegions.join(', ')}`);
  if (raw.externalId && !raw.roleArn) throw bad('--external-id needs --role-arn');
  if (raw.roleArn && !ROLE_ARN_PATTERN.test(raw.roleArn))
    throw bad('--role-arn must look like arn:aws:iam::123456789012:role/Name');
  const defaultRegion = env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1';
  return {
    services: services.length > 0 ? [...new Set(services as ServiceId[])] : [...SERVICE_IDS],
    regions: raw.allRegions
      ? 'all-enabled'
      : regionList.length > 0
        ? [...new Set(regionList)]
        : [defaultRegion],
    ...(raw.roleArn
      ? { role: { roleArn: raw.roleArn, ...(raw.externalId ? { externalId: raw.externalId } : {}) } }
      : {}),
    ...(raw.output ? { output: raw.output } : {}),
    progress: raw.progress !== false,
  };
}

export function parseScanArgs(raw: RawOptions, env: NodeJS.ProcessEnv): ScanArgs {
  const base = parseCollectArgs(raw, env);
  const output = parseCompliance(raw);
  const lang = raw.lang ?? 'en';
  if (lang !== 'ko' && lang !== 'en') throw bad('--lang must be ko or en');
  const failOn = raw.failOn;
  if (failOn !== undefined && !(FAIL_ON_SEVERITIES as readonly string[]).includes(failOn))
    throw bad(`--fail-on must be one of ${FAIL_ON_SEVERITIES.join(', ')}`);
  return {
    ...base,
    ...output,
    lang,
    ...(failOn ? { failOn: failOn as ScanArgs['failOn'] & string } : {}),
  };
}
