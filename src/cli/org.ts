import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { STSClient } from '@aws-sdk/client-sts';
import pLimit from 'p-limit';
import { checkSummaries } from '../checks/registry.js';
import { newCollectionId } from '../collections/ids.js';
import type { RunCollection } from '../core/collection-run.js';
import { discoverOrganization, subtreeOf } from '../orgs/discovery.js';
import { type MemberAccess, memberCredentials, partitionOf } from '../orgs/members.js';
import type { OrgAccount, OrgDirectory } from '../orgs/types.js';
import { type OrgReportSource, orgScanStatus } from '../reports/types.js';
import { type CliAccess, resolveCliAccess } from './aws.js';
import { collectForCli, unknownRegionError } from './collect.js';
import { CliError, classifyAwsError, EXIT } from './errors.js';
import type { CliIo } from './io.js';
import type { OrgScanArgs, OrgScope } from './org-args.js';
import type { OrgAccountSpill, SpilledAccount } from './org-spill.js';
import { createProgressReporter } from './progress.js';
import { adviseCollection } from './scan.js';

/** Reads the organization with the CLI's own credentials (management or delegated administrator). */
async function discover(access: CliAccess): Promise<OrgDirectory> {
  const client = new OrganizationsClient({
    region: access.region,
    credentials: access.credentials,
    maxAttempts: 3,
    ...(access.endpoint ? { endpoint: access.endpoint } : {}),
  });
  try {
    return await discoverOrganization(client);
  } catch (error) {
    const name = (error as { name?: string }).name ?? '';
    if (name === 'AWSOrganizationsNotInUseException')
      throw new CliError(`Account ${access.accountId} is not in an AWS organization`, EXIT.badArguments);
    if (/AccessDenied/.test(name))
      throw new CliError(
        `Account ${access.accountId} cannot read the organization (use the management or a delegated-administrator account): ${(error as Error).message}`,
        EXIT.credentials,
      );
    throw classifyAwsError(error, access.endpoint);
  } finally {
    client.destroy();
  }
}

/** The accounts the scope names: all, one OU's subtree, or the listed ids (each must be in the organization). */
export function accountsInScope(
  directory: OrgDirectory,
  scope: Pick<OrgScope, 'accounts' | 'ou'>,
): OrgAccount[] {
  if (scope.ou !== undefined) {
    if (!directory.units.some((u) => u.id === scope.ou))
      throw new CliError(
        `OU ${scope.ou} is not in organization ${directory.organizationId}`,
        EXIT.badArguments,
      );
    const units = subtreeOf(directory, scope.ou);
    return directory.accounts.filter((a) => units.has(a.ouId));
  }
  if (scope.accounts !== undefined) {
    const byId = new Map(directory.accounts.map((a) => [a.id, a]));
    const missing = scope.accounts.filter((id) => !byId.has(id));
    if (missing.length > 0)
      throw new CliError(
        `Not in organization ${directory.organizationId}: ${missing.join(', ')}`,
        EXIT.badArguments,
      );
    return scope.accounts.map((id) => byId.get(id) as OrgAccount);
  }
  return directory.accounts;
}

const partitionOfRegion = (region: string) =>
  region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';

/**
 * `scan --org`: discovers the organization, then collects and advises each account in scope
 * (a few at a time), each member through its own audit role and the running account with the
 * CLI's own credentials. An account's records are dropped as soon as it is advised, and its
 * findings as soon as they are written to `spill`: memory holds a few figures per account, and
 * the report renderers read the accounts back one at a time. A member whose role is refused, or
 * a suspended account, is listed failed with the reason; the others complete.
 */
export async function runOrgScan(
  io: CliIo,
  args: OrgScanArgs,
  signal: AbortSignal,
  spill: OrgAccountSpill,
): Promise<OrgReportSource> {
  const access = await resolveCliAccess(io.env, args.role);
  const directory = await discover(access);
  const targets = accountsInScope(directory, args.org);
  const log = (line: string) => io.stderr.write(`${line}\n`);
  log(
    `Organization ${directory.organizationId}: ${targets.length} account(s) in scope of ${directory.accounts.length}`,
  );
  const { createRunCollection } = await import('../collectors/runner.js');
  const run: RunCollection = createRunCollection({ homeRegion: access.region });
  const memberAccess: MemberAccess = {
    sts: (config) => new STSClient(config),
    source: {
      region: access.region,
      credentials: access.credentials,
      ...(access.endpoint ? { endpoint: access.endpoint } : {}),
    },
    memberRoleName: args.org.memberRoleName,
    externalId: args.org.externalId,
    sessionName: 'again-console-cli',
  };
  const partition = args.role ? partitionOf(args.role.roleArn) : partitionOfRegion(access.region);
  const checks = checkSummaries();
  const started = new Date();
  // Stops the other accounts when one hits an error that makes the whole scan pointless.
  const stop = new AbortController();
  const scanSignal = AbortSignal.any([signal, stop.signal]);
  const limit = pLimit(args.org.accountConcurrency);
  let done = 0;

  const scanOne = async (account: OrgAccount): Promise<SpilledAccount> => {
    const who = `${account.name} (${account.id})`;
    const base = { id: account.id, name: account.name, ouPath: account.ouPath };
    const finish = (entry: SpilledAccount, line: string) => {
      done += 1;
      log(`[account ${done}/${targets.length}] ${who}: ${line}`);
      return entry;
    };
    if (account.status !== 'ACTIVE') {
      const error = account.status.toLowerCase();
      return finish({ ...base, status: 'failed', error }, `not scanned (${error})`);
    }
    const credentials =
      account.id === access.accountId
        ? access.credentials
        : memberCredentials(memberAccess, account.id, partition);
    try {
      // One AssumeRole up front: a refused role fails the account here, not every collector.
      await credentials();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return finish({ ...base, status: 'failed', error: message }, `failed: ${message}`);
    }
    if (scanSignal.aborted) return { ...base, status: 'failed', error: 'cancelled' };
    log(`${who}: collecting`);
    const reporter = createProgressReporter(io.stderr, !args.progress, `${account.id} `);
    const accountAccess: CliAccess = { ...access, credentials, accountId: account.id };
    const collection = await collectForCli(args, accountAccess, run, reporter, AbortSignal.any([scanSignal]));
    if (collection.metadata.status === 'cancelled') throw new CliError('Interrupted', 130);
    const unknown = unknownRegionError(collection.metadata);
    if (unknown) {
      stop.abort(unknown);
      throw unknown;
    }
    const { metadata } = collection;
    const input = await adviseCollection(args, collection, checks);
    const counted = Object.values(metadata.resourceCounts).reduce((sum, n) => sum + (n ?? 0), 0);
    const kept = await spill.keep(base, {
      account: { id: account.id },
      collection: input.collection,
      findings: input.findings,
    });
    return finish(
      kept,
      `${metadata.status}, ${counted} resource(s), ${metadata.errors.length} error(s) in ${metadata.durationMs ?? 0} ms`,
    );
  };

  const accounts = await Promise.all(targets.map((account) => limit(() => scanOne(account))));
  return {
    lang: args.lang,
    generatedAt: new Date().toISOString(),
    regions: Array.isArray(args.regions)
      ? args.regions
      : [...new Set(accounts.flatMap((a) => (a.status === 'scanned' ? a.report.collection.regions : [])))],
    services: args.services,
    checks,
    account: { id: access.accountId },
    organizationId: directory.organizationId,
    scanId: newCollectionId(started),
    status: orgScanStatus(accounts),
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    accounts: spill.passes(accounts),
  };
}
