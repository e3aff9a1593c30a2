import { Command, CommanderError, Option } from 'commander';
import type { RunCollection } from '../core/collection-run.js';
import { SERVICE_IDS } from '../core/services.js';
import {
  COMPLIANCE_NAMES,
  type CollectArgs,
  FAIL_ON_SEVERITIES,
  parseCollectArgs,
  parseScanArgs,
  type RawOptions,
} from './args.js';
import { resolveCliAccess } from './aws.js';
import { collectForCli, collectOutput, unknownRegionError } from './collect.js';
import { textWriter, writeDestination } from './destination.js';
import { CliError, EXIT } from './errors.js';
import type { CliIo } from './io.js';
import { type RawOrgOptions, rejectOrgOptions } from './org-args.js';
import { runOrgScanCommand } from './org-command.js';
import { type OrgTemplateOptions, parseOrgTemplateArgs, writeOrgTemplate } from './org-template.js';
import { createProgressReporter } from './progress.js';
import { openAtOrAbove, scanSummary } from './summary.js';

export type { CliIo } from './io.js';

function commonOptions(cmd: Command): Command {
  return cmd
    .option('--services <list...>', `services, comma-separated (${SERVICE_IDS.join(',')}; default: all)`)
    .option('--regions <list...>', 'regions, comma-separated (default: AWS_REGION or us-east-1)')
    .option('--all-regions', 'every region enabled for the account')
    .option('--role-arn <arn>', 'assume this role (from the standard credential chain)')
    .option('--external-id <id>', 'External ID for --role-arn')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--no-progress', 'no progress on stderr');
}

async function runCollect(io: CliIo, args: CollectArgs, signal: AbortSignal) {
  const access = await resolveCliAccess(io.env, args.role);
  // Loaded only now: the collector registry discovers its modules at import time.
  const { createRunCollection } = await import('../collectors/runner.js');
  const run: RunCollection = createRunCollection({ homeRegion: access.region });
  const reporter = createProgressReporter(io.stderr, !args.progress);
  const collection = await collectForCli(args, access, run, reporter, signal);
  if (collection.metadata.status === 'cancelled') throw new CliError('Interrupted', 130);
  const unknown = unknownRegionError(collection.metadata);
  if (unknown) throw unknown;
  const errors = collection.metadata.errors.length;
  io.stderr.write(
    `Collected account ${access.accountId}: ${collection.metadata.status}` +
      `${errors ? `, ${errors} error(s) recorded` : ''} in ${collection.metadata.durationMs ?? 0} ms\n`,
  );
  return collection;
}

const EXIT_STATUS_HELP = `
Exit status:
  ${EXIT.ok}  the command ran (whatever it found)
  ${EXIT.unexpected}  unexpected error
  ${EXIT.badArguments}  bad arguments (unknown service, region or compliance framework, unwritable --output;
     with --org: a malformed account or OU id, or one not in the organization)
  ${EXIT.failOn}  --fail-on: an open finding at or above the severity exists
  ${EXIT.unreachable}  the AWS endpoint is unreachable
  ${EXIT.credentials}  no AWS credentials, or AWS refused them
`;

/** Runs the command line; resolves to the exit status (never throws, never prints a stack). */
export async function main(
  argv: string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env },
): Promise<number> {
  const controller = new AbortController();
  const onSigint = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onSigint);
  const program = new Command('again-console')
    .description('Collect AWS resources and run the Service Advisor headless')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stderr.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError(false)
    .addHelpText('after', EXIT_STATUS_HELP);

  commonOptions(
    program.command('collect').description('collect resources and metrics; JSON to stdout or --output'),
  ).action(async (raw: RawOptions) => {
    const args = parseCollectArgs(raw, io.env);
    const collection = await runCollect(io, args, controller.signal);
    const text = `${JSON.stringify(collectOutput(collection), null, 2)}\n`;
    await writeDestination(io.stdout, args.output, textWriter(text));
  });

  commonOptions(program.command('scan').description('collect, run every check and write the report'))
    .addOption(
      new Option(
        '--format <format>',
        'report format: json, csv or pdf (default json); with --compliance: table, csv or json (default table)',
      ).choices(['json', 'csv', 'pdf', 'table']),
    )
    .addOption(
      new Option(
        '--compliance <framework>',
        `write this framework's per-control view instead of the findings; with --org, rolled up over the accounts (${Object.keys(COMPLIANCE_NAMES).join(', ')})`,
      ),
    )
    .addOption(new Option('--lang <lang>', 'report language').choices(['ko', 'en']).default('en'))
    .addOption(
      new Option(
        '--fail-on <severity>',
        'exit 3 when an open finding at or above this severity exists',
      ).choices([...FAIL_ON_SEVERITIES]),
    )
    .option(
      '--org',
      'scan the accounts of the AWS organization (from the management or a delegated-administrator account)',
    )
    .option('--member-role-name <name>', 'with --org: the audit role to assume in each member account')
    .option('--accounts <ids...>', 'with --org: only these account ids, comma-separated')
    .option('--ou <id>', 'with --org: only the accounts of this OU and the OUs below it')
    .option('--account-concurrency <n>', 'with --org: accounts collected at once (default 4)')
    .action(async (raw: RawOrgOptions) => {
      if (raw.org) {
        await runOrgScanCommand(io, raw, controller.signal, (severity) => {
          failedOn = severity;
        });
        return;
      }
      rejectOrgOptions(raw);
      const args = parseScanArgs(raw, io.env);
      const { adviseCollection, writeScanReport } = await import('./scan.js');
      // Only the findings outlive this statement: the collection's records are freed before rendering.
      const input = await adviseCollection(args, await runCollect(io, args, controller.signal));
      await writeDestination(io.stdout, args.output, (out) => writeScanReport(args, input, out));
      io.stderr.write(scanSummary(input.findings, args.failOn));
      if (args.failOn && openAtOrAbove(input.findings, args.failOn).length > 0) failedOn = args.failOn;
    });

  program
    .command('org-template')
    .description(
      'print the CloudFormation template of the organization member role (deploy it with StackSets)',
    )
    .option('--format <format>', 'yaml or json (default yaml)')
    .option('--role-name <name>', 'default of the RoleName parameter (default AgainConsoleAudit)')
    .option('--external-id <id>', 'default of the ExternalId parameter (your External ID in the console)')
    .option(
      '--trusted-principal <arn>',
      "default of the TrustedPrincipalArn parameter (the console's principal)",
    )
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (raw: OrgTemplateOptions) => {
      await writeOrgTemplate(io.stdout, parseOrgTemplateArgs(raw));
    });

  let failedOn: string | undefined;
  try {
    await program.parseAsync(argv, { from: 'user' });
    return failedOn ? EXIT.failOn : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not failures; commander already printed its message.
      return error.exitCode === 0 ? EXIT.ok : EXIT.badArguments;
    }
    if (error instanceof CliError) {
      io.stderr.write(`again-console: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(
      `again-console: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT.unexpected;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
