import type { ComplianceFrameworkId } from '../core/compliance.js';
import {
  AccountIdSchema,
  ExternalIdSchema,
  MemberRoleNameSchema,
  OrgUnitIdSchema,
} from '../shared/api/orgs.js';
import { complianceFramework, parseScanArgs, type RawOptions, type ScanArgs, splitList } from './args.js';
import { CliError, EXIT } from './errors.js';

/** The options of `scan --org` as commander hands them over. */
export interface RawOrgOptions extends RawOptions {
  org?: boolean;
  memberRoleName?: string;
  accounts?: string[];
  ou?: string;
  accountConcurrency?: string;
}

/** Accounts collected at once by default: each runs its own collectors concurrently already. */
export const DEFAULT_ACCOUNT_CONCURRENCY = 4;
const MAX_ACCOUNT_CONCURRENCY = 16;

export interface OrgScope {
  memberRoleName: string;
  /** The External ID every member role requires (and `--role-arn`'s, when given). */
  externalId: string;
  /** `--accounts`: exactly these; `--ou`: that OU's whole subtree; neither: every account. */
  accounts?: string[];
  ou?: string;
  accountConcurrency: number;
}

/**
 * `--compliance` with `--org`: the roll-up over the accounts as a table or CSV alone, or the whole
 * JSON report / PDF with that framework's roll-up in it.
 */
export interface OrgComplianceOutput {
  framework: ComplianceFrameworkId;
  format: 'table' | 'csv' | 'json' | 'pdf';
}

export interface OrgScanArgs extends Omit<ScanArgs, 'compliance'> {
  org: OrgScope;
  compliance?: OrgComplianceOutput;
}

const ORG_COMPLIANCE_FORMATS: readonly OrgComplianceOutput['format'][] = ['table', 'csv', 'json', 'pdf'];

function parseOrgCompliance(raw: RawOrgOptions): OrgComplianceOutput | undefined {
  if (raw.compliance === undefined) return undefined;
  const framework = complianceFramework(raw.compliance);
  const format = raw.format ?? 'table';
  if (!(ORG_COMPLIANCE_FORMATS as readonly string[]).includes(format))
    throw bad('--format must be table, csv, json or pdf with --org --compliance');
  return { framework, format: format as OrgComplianceOutput['format'] };
}

const bad = (message: string) => new CliError(message, EXIT.badArguments);

/** Options that only mean something with `--org`. */
function orgOnlyOptions(raw: RawOrgOptions): string[] {
  return [
    raw.memberRoleName !== undefined ? '--member-role-name' : '',
    raw.accounts !== undefined ? '--accounts' : '',
    raw.ou !== undefined ? '--ou' : '',
    raw.accountConcurrency !== undefined ? '--account-concurrency' : '',
  ].filter(Boolean);
}

/** `scan` without `--org`: refuses the organization options rather than ignoring them. */
export function rejectOrgOptions(raw: RawOrgOptions): void {
  const stray = orgOnlyOptions(raw);
  if (stray.length > 0) throw bad(`${stray.join(', ')} only apply with --org`);
}

/** `scan --org …` (SPEC "Several accounts in one scan"). */
export function parseOrgScanArgs(raw: RawOrgOptions, env: NodeJS.ProcessEnv): OrgScanArgs {
  if (raw.memberRoleName === undefined)
    throw bad('--org needs --member-role-name (the audit role deployed in every member account)');
  if (raw.externalId === undefined)
    throw bad('--org needs --external-id (the External ID the member roles require)');
  const memberRoleName = MemberRoleNameSchema.safeParse(raw.memberRoleName);
  if (!memberRoleName.success)
    throw bad(`Invalid --member-role-name: ${raw.memberRoleName} (an IAM role name, e.g. AgainConsoleAudit)`);
  const externalId = ExternalIdSchema.safeParse(raw.externalId);
  if (!externalId.success)
    throw bad('Invalid --external-id (2 to 1224 characters: letters, digits and +=,.@:/-)');
  const compliance = parseOrgCompliance(raw);
  const accounts = raw.accounts === undefined ? undefined : splitList(raw.accounts);
  if (accounts !== undefined && raw.ou !== undefined) throw bad('Use either --accounts or --ou, not both');
  if (accounts !== undefined) {
    if (accounts.length === 0) throw bad('--accounts needs at least one account id');
    const invalid = accounts.filter((id) => !AccountIdSchema.safeParse(id).success);
    if (invalid.length > 0) throw bad(`Invalid account id: ${invalid.join(', ')} (12 digits expected)`);
  }
  const ou = raw.ou?.trim();
  if (ou !== undefined && !OrgUnitIdSchema.safeParse(ou).success)
    throw bad(`Invalid OU id: ${raw.ou} (expected ou-xxxx-yyyyyyyy, or r-xxxx for the root)`);
  const concurrency =
    raw.accountConcurrency === undefined ? DEFAULT_ACCOUNT_CONCURRENCY : Number(raw.accountConcurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_ACCOUNT_CONCURRENCY)
    throw bad(`--account-concurrency must be a whole number from 1 to ${MAX_ACCOUNT_CONCURRENCY}`);
  // --external-id is the member roles' External ID here; --role-arn into the management account takes it too.
  // The report format under --compliance: the whole report for json and pdf, else none (unused).
  const reportFormat =
    compliance && compliance.format !== 'table' && compliance.format !== 'csv'
      ? compliance.format
      : undefined;
  const { compliance: _none, ...base } = parseScanArgs(
    {
      ...raw,
      ...(raw.roleArn ? {} : { externalId: undefined }),
      ...(compliance ? { compliance: undefined, format: reportFormat } : {}),
    },
    env,
  );
  return {
    ...base,
    ...(compliance ? { compliance } : {}),
    org: {
      memberRoleName: memberRoleName.data,
      externalId: externalId.data,
      ...(accounts ? { accounts: [...new Set(accounts)] } : {}),
      ...(ou ? { ou } : {}),
      accountConcurrency: concurrency,
    },
  };
}
