/**
 * Guarantee: `scan --org` (SPEC "Several accounts in one scan") discovers the organization, scans
 * every account in scope through its own audit role (the running account with its own
 * credentials), lists a refused member and a suspended account as failed with the reason, and
 * writes the JSON, CSV and PDF reports with every figure under the account it came from.
 */

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORG_FINDINGS_CSV_COLUMNS } from '../../src/reports/csv.js';
import { OrgJsonReport } from '../../src/shared/api/report.js';
import { type Gate, startGate } from '../advisor/gate.js';
import { pdfText } from '../reports/pdf-tools.js';
import { motoEndpoint, resetMoto, testCredentials } from '../support/moto.js';
import {
  MANAGEMENT_ACCOUNT_ID,
  memberClientConfig,
  type SeededOrg,
  seedOrganization,
} from '../support/org.js';
import { cli, noStack } from './run-cli.js';

const ORG = ['--org', '--member-role-name', 'AgainConsoleAudit', '--external-id', 'ext-org-1234'];
const SCOPE = ['--services', 's3,ec2,iam', '--regions', 'us-east-1', '--no-progress'];

// Each case spawns the bin (tsx) and scans several accounts: slow on a loaded machine.
describe('again-console scan --org against an emulated organization', { timeout: 180_000 }, () => {
  let seeded: SeededOrg;
  let gate: Gate;
  let env: Record<string, string>;
  let dir: string;
  const id = (name: string) => seeded.members[name] as string;

  beforeAll(async () => {
    await resetMoto();
    seeded = await seedOrganization();
    // Different resources in three members: a bucket, a security group open to the world, an IAM user.
    const s3 = new S3Client({ ...(await memberClientConfig(id('prod-web'))), forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'prod-web-assets' }));
    s3.destroy();
    const ec2 = new EC2Client(await memberClientConfig(id('prod-data')));
    const group = await ec2.send(
      new CreateSecurityGroupCommand({ GroupName: 'db-open', Description: 'open to the world' }),
    );
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: group.GroupId,
        IpPermissions: [
          { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
        ],
      }),
    );
    ec2.destroy();
    const iam = new IAMClient(await memberClientConfig(id('shared-services')));
    await iam.send(new CreateUserCommand({ UserName: 'deploy-bot' }));
    iam.destroy();

    gate = await startGate(motoEndpoint());
    gate.denyAssumeRole(`::${id('sandbox-alice')}:role/`);
    env = {
      AWS_ACCESS_KEY_ID: testCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: testCredentials.secretAccessKey,
      AWS_ENDPOINT_URL: gate.endpoint,
    };
    dir = await mkdtemp(join(tmpdir(), 'cli-org-'));
  });
  afterAll(async () => {
    await gate?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('all accounts: each member through its role, the refused and the suspended listed failed', async () => {
    const run = await cli(['scan', ...ORG, ...SCOPE.filter((a) => a !== '--no-progress')], env);
    expect(run.code, run.stderr).toBe(0);
    const report = OrgJsonReport.parse(JSON.parse(run.text));
    expect(report.account.id).toBe(MANAGEMENT_ACCOUNT_ID);
    expect(report.organizationId).toBe(seeded.organizationId);
    expect(report.collection.status).toBe('completed_with_errors');

    const byName = new Map(report.accounts.map((a) => [a.name, a]));
    expect(report.accounts).toHaveLength(6);
    expect(byName.get('sandbox-alice')).toMatchObject({ id: id('sandbox-alice'), status: 'failed' });
    expect(byName.get('sandbox-alice')?.error).toMatch(/^AccessDenied: .*sts:AssumeRole/);
    expect(byName.get('closed-legacy')).toEqual(
      expect.objectContaining({ status: 'failed', error: 'suspended', ouPath: '/Sandbox/' }),
    );
    const scanned = report.accounts.filter((a) => a.status === 'scanned').map((a) => a.id);
    expect(scanned.sort()).toEqual(
      [MANAGEMENT_ACCOUNT_ID, id('prod-web'), id('prod-data'), id('shared-services')].sort(),
    );
    for (const account of report.accounts.filter((a) => a.status === 'scanned'))
      expect(account.error).toBeUndefined();

    // Counts per account follow what was seeded in each; the total is their sum.
    const counts = report.collection.resourceCountsByAccount;
    expect(Object.keys(counts).sort()).toEqual([...scanned].sort());
    expect(counts[id('prod-web')]?.['s3.buckets']).toBe(1);
    expect(counts[id('prod-data')]?.['s3.buckets']).toBe(0);
    expect(counts[id('shared-services')]?.['iam.users']).toBe(1);
    expect(counts[id('prod-web')]?.['iam.users']).toBe(0);
    const groups = (name: string) => counts[id(name)]?.['ec2.security-groups'] ?? 0;
    expect(groups('prod-data')).toBe(groups('prod-web') + 1);
    for (const [collector, total] of Object.entries(report.collection.resourceCounts))
      expect(total, collector).toBe(scanned.reduce((sum, a) => sum + (counts[a]?.[collector] ?? 0), 0));

    // Findings sit under the account that has the resource, and only there.
    for (const finding of report.findings) expect(scanned).toContain(finding.accountId);
    const bucket = report.findings.filter((f) => f.resourceId === 'prod-web-assets');
    expect(bucket.length).toBeGreaterThan(0);
    expect(new Set(bucket.map((f) => f.accountId))).toEqual(new Set([id('prod-web')]));
    const open = report.findings.filter(
      (f) => f.checkId === 'ec2-securitygroup-database-ports-restricted' && f.status === 'fail',
    );
    expect(new Set(open.map((f) => f.accountId))).toEqual(new Set([id('prod-data')]));
    const user = report.findings.filter((f) => f.service === 'iam' && f.resourceId.includes('deploy-bot'));
    expect(new Set(user.map((f) => f.accountId))).toEqual(new Set([id('shared-services')]));
    for (const error of report.collection.errors) expect(scanned).toContain(error.accountId);

    // Progress per account on stderr, never on stdout.
    expect(run.stderr).toMatch(new RegExp(`prod-web \\(${id('prod-web')}\\): completed`));
    expect(run.stderr).toMatch(/sandbox-alice .*: failed: AccessDenied/);
    expect(run.stderr).toMatch(/closed-legacy .*: not scanned \(suspended\)/);
    expect(run.stderr).toMatch(
      new RegExp(`${id('prod-data')} \\[\\d+/\\d+\\] ec2.security-groups us-east-1 done`),
    );
    expect(run.stderr).toMatch(/Accounts: 4 scanned, 2 failed; status completed_with_errors/);
    expect(run.stdout).not.toMatch(/\[account /);
  });

  it('--ou scans the OU and the OUs below it only (here through --role-arn into the management account)', async () => {
    const role = ['--role-arn', `arn:aws:iam::${MANAGEMENT_ACCOUNT_ID}:role/OrgAuditAdmin`];
    const run = await cli(['scan', ...ORG, ...role, '--ou', seeded.ous.production, ...SCOPE], env);
    expect(run.code, run.stderr).toBe(0);
    const report = OrgJsonReport.parse(JSON.parse(run.text));
    expect(report.account.id).toBe(MANAGEMENT_ACCOUNT_ID);
    expect(report.accounts.map((a) => [a.name, a.status, a.ouPath]).sort()).toEqual([
      ['prod-data', 'scanned', '/Production/'],
      ['prod-web', 'scanned', '/Production/Web/'],
    ]);
    expect(report.collection.status).toBe('completed');
    expect(report.collection.resourceCounts['s3.buckets']).toBe(1);
    expect(new Set(report.findings.map((f) => f.accountId))).toEqual(
      new Set([id('prod-web'), id('prod-data')]),
    );
  });

  it('--accounts scans exactly those, the CSV has the account on every row, --fail-on sees every account', async () => {
    const run = await cli(
      [
        'scan',
        ...ORG,
        '--accounts',
        `${id('prod-web')},${id('shared-services')}`,
        ...SCOPE,
        '--format',
        'csv',
        '--fail-on',
        'low',
      ],
      env,
    );
    const rows = parse(run.text, { bom: true, columns: true }) as Record<string, string>[];
    // --fail-on low: exit 3 because an open finding of low severity or worse exists in one of the accounts.
    const open = rows.filter(
      (r) => (r.status === 'fail' || r.status === 'warning') && r.muted === 'false' && r.severity !== 'info',
    );
    expect(open.length).toBeGreaterThan(0);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toMatch(/--fail-on low: \d+ open finding\(s\) at or above low: exit 3/);
    expect(Object.keys(rows[0] ?? {})).toEqual([...ORG_FINDINGS_CSV_COLUMNS]);
    expect(rows.length).toBeGreaterThan(0);
    const names = new Map([
      [id('prod-web'), 'prod-web'],
      [id('shared-services'), 'shared-services'],
    ]);
    for (const row of rows) expect(names.get(row.accountId ?? ''), JSON.stringify(row)).toBe(row.accountName);
    expect(new Set(rows.map((r) => r.accountId))).toEqual(new Set(names.keys()));
    expect(
      rows.filter((r) => r.resourceId === 'prod-web-assets').every((r) => r.accountId === id('prod-web')),
    ).toBe(true);
    expect(rows.some((r) => r.resourceId === 'prod-web-assets')).toBe(true);
  });

  it.each(['en', 'ko'] as const)(
    'the PDF (%s) opens with the organization summary, then each account',
    async (lang) => {
      const file = join(dir, `org-${lang}.pdf`);
      const accounts = [id('prod-web'), id('prod-data'), id('sandbox-alice')].join(',');
      const run = await cli(
        ['scan', ...ORG, '--accounts', accounts, ...SCOPE, '--format', 'pdf', '--lang', lang, '-o', file],
        env,
      );
      expect(run.code, run.stderr).toBe(0);
      expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');
      const text = (await pdfText(file)).replace(/\s+/g, ' ');
      const words =
        lang === 'en'
          ? {
              summary: 'Organization summary',
              risk: 'Accounts ranked by risk',
              failed: 'Accounts not scanned',
              exec: 'Executive summary',
              refused: 'audit role could not be assumed',
            }
          : {
              summary: '조직 요약',
              risk: '위험도순 계정',
              failed: '스캔하지 못한 계정',
              exec: '요약',
              refused: '감사 역할을 수임하지 못했습니다',
            };
      const at = (needle: string) => text.indexOf(needle);
      expect(at(words.summary)).toBeGreaterThan(-1);
      expect(text).toContain(words.risk);
      expect(text).toContain(words.failed);
      expect(text).toContain(words.refused);
      expect(text).toContain(`sandbox-alice (${id('sandbox-alice')})`);
      // Each scanned account has its own sections after the summary; the refused one has none.
      for (const name of ['prod-web', 'prod-data']) {
        const heading = `${name} (${id(name)}) · ${words.exec}`;
        expect(at(heading), heading).toBeGreaterThan(at(words.risk));
      }
      expect(text).not.toContain(`sandbox-alice (${id('sandbox-alice')}) · ${words.exec}`);
      expect(text).toContain('prod-web-assets');
      expect(text).toContain('db-open');
    },
  );

  it('--compliance rolls each control up over the accounts: the table, and the JSON report with it', async () => {
    const table = await cli(['scan', ...ORG, ...SCOPE, '--compliance', 'fsbp', '--lang', 'ko'], env);
    expect(table.code, table.stderr).toBe(0);
    expect(table.text).toContain('스캔한 계정 4개 기준');
    // prod-data's security group open to the world fails EC2.19 (or EC2.18) in that account only.
    const sgLine = table.text.split('\n').find((l) => l.includes(id('prod-data')));
    expect(sgLine, table.text.slice(0, 2000)).toMatch(/실패/);

    const json = await cli(['scan', ...ORG, ...SCOPE, '--compliance', 'cis', '--format', 'json'], env);
    expect(json.code, json.stderr).toBe(0);
    const report = OrgJsonReport.parse(JSON.parse(json.text));
    expect(report.findings.length).toBeGreaterThan(0);
    const [cis] = report.compliance ?? [];
    expect(cis?.accountsEvaluated).toBe(4);
    const failedBy = new Set(cis?.controls.flatMap((c) => c.failedAccounts.map((a) => a.accountId)));
    expect(failedBy.has(id('prod-data'))).toBe(true);
    expect(failedBy.has(id('sandbox-alice'))).toBe(false);
  });

  it('bad flags: a clear message and the usage exit code, no stack', async () => {
    const runs = await Promise.all([
      cli(['scan', ...ORG, '--accounts', '1234'], env),
      cli(['scan', ...ORG, '--ou', 'ou-bad'], env),
      cli(['scan', ...ORG, '--accounts', id('prod-web'), '--ou', seeded.ous.web], env),
      cli(['scan', '--org', '--external-id', 'ext-org-1234'], env),
      cli(['scan', '--org', '--member-role-name', 'AgainConsoleAudit'], env),
      cli(['scan', '--accounts', id('prod-web')], env),
      cli(['scan', ...ORG, '--accounts', `${id('prod-web')},999988887777`, ...SCOPE], env),
      cli(['scan', ...ORG, '--ou', 'ou-zzzz-zzzzzzzz', ...SCOPE], env),
      cli(['scan', ...ORG, '--account-concurrency', '0'], env),
    ]);
    const expected = [
      /Invalid account id: 1234 \(12 digits expected\)/,
      /Invalid OU id: ou-bad/,
      /Use either --accounts or --ou, not both/,
      /--org needs --member-role-name/,
      /--org needs --external-id/,
      /--accounts only apply with --org/,
      /Not in organization .*: 999988887777$/m,
      /OU ou-zzzz-zzzzzzzz is not in organization/,
      /--account-concurrency must be a whole number/,
    ];
    runs.forEach((run, i) => {
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(expected[i] as RegExp);
      expect(run.stdout).toBe('');
      noStack(run.stderr);
    });
  });
});
