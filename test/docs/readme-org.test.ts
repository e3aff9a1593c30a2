/**
 * Issue 11's "Done when", from the README as a newcomer reads it: the organization commands of the
 * English and Korean sections are the same; the StackSets commands are the ones the page generates;
 * `org-template` as written gives a role that trusts only the console with the External ID and
 * allows exactly the collectors' read actions; and the `scan --org` commands, run by bash exactly as
 * written (only the README's example OU and account ids swapped for the seeded ones), write reports
 * that follow SPEC.md's contract.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildReadOnlyPolicy } from '../../src/aws/iam-policy.js';
import { requiredIamActions } from '../../src/collectors/registry.js';
import { buildStackSetCommands } from '../../src/orgs/stackset-commands.js';
import { OrgJsonReport } from '../../src/shared/api/report.js';
import { en as uiEn } from '../../src/web/i18n/en.js';
import { ko as uiKo } from '../../src/web/i18n/ko.js';
import { type Gate, startGate } from '../advisor/gate.js';
import { pdfText } from '../reports/pdf-tools.js';
import { motoEndpoint, resetMoto, testCredentials } from '../support/moto.js';
import { MANAGEMENT_ACCOUNT_ID, type SeededOrg, seedOrganization } from '../support/org.js';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const EXTERNAL_ID = 'again-readmeWalkthrough_0123456789';
const SCAN_ORG = 'node bin/again-console.js scan --org';
const PLACEHOLDER_EXTERNAL_ID = /<(?:your|내) External ID>/g;

/** Every command line of the ```bash blocks, continuation lines joined, comments dropped. */
function bashCommands(markdown: string): string[] {
  return [...markdown.matchAll(/```bash\n([\s\S]*?)```/g)].flatMap((block) =>
    (block[1] ?? '')
      .replace(/\\\n\s*/g, '')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
}

/** The organization commands of one language's part of the README, placeholders made alike. */
const orgCommands = (part: string) =>
  bashCommands(part)
    .filter(
      (c) =>
        c.startsWith(SCAN_ORG) ||
        c.startsWith('node bin/again-console.js org-template') ||
        c.startsWith('aws cloudformation'),
    )
    .map((c) => c.replace(PLACEHOLDER_EXTERNAL_ID, '<EXTERNAL_ID>'));

/** `--flag value` pairs of a command (the README's AWS CLI commands have no quoted words). */
function flags(command: string): Map<string, string> {
  const words = command.split(/\s+/);
  const out = new Map<string, string>();
  words.forEach((word, i) => {
    if (!word.startsWith('--')) return;
    const next = words[i + 1];
    out.set(word, next === undefined || next.startsWith('--') ? '' : next);
  });
  return out;
}

const verb = (command: string) => command.split(/\s+/).slice(0, 3).join(' ');

/** A README section: from its heading to the next heading of the same or a higher level. */
function section(text: string, heading: string): string {
  const start = text.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const rest = text.slice(start + heading.length + 2);
  const end = rest.search(new RegExp(`\\n#{1,${heading.indexOf(' ')}} `));
  return end < 0 ? rest : rest.slice(0, end);
}

/** The **bold** names of a section (list items' own bold titles left out), `A → B` split in parts. */
const boldNames = (text: string) =>
  text
    .replace(/\n {3}/g, ' ')
    .split('\n')
    .map((line) => line.replace(/^\d+\. \*\*[^*]+\*\*:?/, ''))
    .flatMap((line) => [...line.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1] ?? ''))
    .flatMap((name) => name.split(' → '));

const uiStrings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : value && typeof value === 'object'
      ? Object.values(value).flatMap(uiStrings)
      : [];

/** Bold words of these sections that are emphasis, not the name of something on screen. */
const EMPHASIS = new Set(['scan', '멤버 역할을 배포']);

let readme: { en: string; ko: string };

beforeAll(async () => {
  const text = await readFile(join(REPO, 'README.md'), 'utf8');
  const at = text.indexOf('\n## 한국어');
  expect(at).toBeGreaterThan(0);
  readme = { en: text.slice(0, at), ko: text.slice(at) };
});

describe('README: the organization commands', () => {
  it('the English and Korean sections give the same scan --org, org-template and StackSets commands', () => {
    const en = orgCommands(readme.en);
    expect(en.filter((c) => c.startsWith(SCAN_ORG))).toHaveLength(3);
    expect(en.filter((c) => c.startsWith('aws cloudformation')).map(verb)).toEqual([
      'aws cloudformation activate-organizations-access',
      'aws cloudformation create-stack-set',
      'aws cloudformation create-stack-instances',
      'aws cloudformation create-stack',
    ]);
    expect(orgCommands(readme.ko)).toEqual(en);
  });

  it('the buttons, options and panels the organization steps name in bold are on screen, in that language', () => {
    for (const [part, ui, headings] of [
      [
        readme.en,
        uiEn,
        ['## Connect an AWS organization', '### Organization member role', '### Scan many accounts'],
      ],
      [readme.ko, uiKo, ['### AWS 조직 연결', '#### 조직 멤버 계정 역할', '#### 여러 계정 한 번에 점검']],
    ] as const) {
      const onScreen = uiStrings(ui);
      const names = headings.flatMap((h) => boldNames(section(part, h))).filter((n) => !EMPHASIS.has(n));
      expect(names.length).toBeGreaterThan(10);
      // A label may be the start of a longer one ("Organization report (summary, then every account)").
      expect(names.filter((name) => !onScreen.some((text) => text.startsWith(name)))).toEqual([]);
    }
  });

  it('the StackSets commands use the flags and values of the commands the page generates', () => {
    const page = buildStackSetCommands({
      roleName: 'AgainConsoleAudit',
      externalId: EXTERNAL_ID,
      trustedPrincipalArn: 'arn:aws:iam::111122223333:role/again-console',
      region: 'ap-northeast-2',
    });
    const pageByVerb = new Map(
      Object.values(page).map((c) => [verb(c), flags(c.replace(/\\\n\s*/g, ''))] as const),
    );
    for (const command of orgCommands(readme.en).filter((c) => c.startsWith('aws '))) {
      const generated = pageByVerb.get(verb(command));
      expect(generated, command).toBeDefined();
      for (const [flag, value] of flags(command)) {
        // The README names the root/OU ids r-xxxx where the page shows its placeholder.
        const expected = generated?.get(flag) ?? `(${flag} is not in the page's command)`;
        if (flag === '--deployment-targets') expect(value).toMatch(/^OrganizationalUnitIds=r-/);
        else expect(value, `${verb(command)} ${flag}`).toBe(expected);
      }
    }
  });

  it('org-template as written: the role trusts only the principal with the External ID, and allows exactly the collectors’ read actions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'readme-org-template-'));
    try {
      await symlink(join(REPO, 'bin'), join(dir, 'bin'));
      const [command] = orgCommands(readme.en).filter((c) => c.includes('org-template'));
      await run('bash', ['-c', (command ?? '').replace('<EXTERNAL_ID>', EXTERNAL_ID)], { cwd: dir });
      const template = parseYaml(await readFile(join(dir, 'again-console-member-role.yaml'), 'utf8'), {
        version: '1.1',
      }) as {
        Parameters: Record<string, { Default?: string }>;
        Resources: Record<string, { Type: string; Condition?: string; Properties: Record<string, unknown> }>;
      };
      expect(template.Parameters.ExternalId?.Default).toBe(EXTERNAL_ID);
      expect(template.Parameters.TrustedPrincipalArn?.Default).toBe(
        'arn:aws:iam::111122223333:role/again-console',
      );
      const role = Object.values(template.Resources).find((r) => r.Type === 'AWS::IAM::Role');
      expect(role?.Properties.AssumeRolePolicyDocument).toMatchObject({
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: { Ref: 'TrustedPrincipalArn' } },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } } },
          },
        ],
      });
      const policies = Object.values(template.Resources).filter((r) => r.Type === 'AWS::IAM::ManagedPolicy');
      const actionsOf = (r: (typeof policies)[number]) =>
        (r.Properties.PolicyDocument as { Statement: { Action: string[] }[] }).Statement.flatMap(
          (s) => s.Action,
        );
      const always = policies.filter((r) => r.Condition === undefined).flatMap(actionsOf);
      const declared = buildReadOnlyPolicy(requiredIamActions());
      expect([...always].sort()).toEqual([...declared.actions].sort());
      // Cost Explorer only behind its parameter, and nothing that writes.
      expect(policies.filter((r) => r.Condition !== undefined).flatMap(actionsOf)).toEqual([
        ...declared.optionalActions,
      ]);
      expect(always.filter((a) => /:(Put|Create|Delete|Update|Attach|Modify)/.test(a))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('README: scan --org as written, against an organization on the emulator', {
  timeout: 300_000,
}, () => {
  let seeded: SeededOrg;
  let gate: Gate;
  let dir: string;
  const id = (name: string) => seeded.members[name] as string;

  beforeAll(async () => {
    await resetMoto();
    seeded = await seedOrganization();
    gate = await startGate(motoEndpoint());
    gate.denyAssumeRole(`::${id('sandbox-alice')}:role/`);
    dir = await mkdtemp(join(tmpdir(), 'readme-scan-org-'));
    await symlink(join(REPO, 'bin'), join(dir, 'bin'));
  });
  afterAll(async () => {
    await gate?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Runs one README command in bash from a checkout-like folder, the management account's keys set. */
  async function runAsWritten(command: string) {
    const concrete = command
      .replace('ou-ab12-cdefgh34', seeded.ous.production)
      .replace('111122223333,444455556666', `${id('prod-web')},${id('shared-services')}`);
    const result = await run('bash', ['-c', concrete], {
      cwd: dir,
      maxBuffer: 64 << 20,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dir,
        EXTERNAL_ID,
        AWS_ACCESS_KEY_ID: testCredentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: testCredentials.secretAccessKey,
        AWS_ENDPOINT_URL: gate.endpoint,
        AWS_REGION: 'us-east-1',
        AWS_EC2_METADATA_DISABLED: 'true',
      },
    });
    return result.stderr;
  }

  const scanCommand = (output: string) => {
    const command = orgCommands(readme.en).find((c) => c.startsWith(SCAN_ORG) && c.endsWith(`-o ${output}`));
    expect(command, `the README's scan --org command writing ${output}`).toBeDefined();
    return command ?? '';
  };

  it('every account, JSON: the contract of SPEC.md (accounts, per-account counts, accountId on every row)', async () => {
    const stderr = await runAsWritten(scanCommand('org.json'));
    expect(stderr).toContain(`${id('prod-web')}`);
    const report = OrgJsonReport.parse(JSON.parse(await readFile(join(dir, 'org.json'), 'utf8')));
    expect(report.account.id).toBe(MANAGEMENT_ACCOUNT_ID);
    expect(report.collection.status).toBe('completed_with_errors');
    const byId = new Map(report.accounts.map((a) => [a.id, a]));
    expect([...byId.keys()].sort()).toEqual([MANAGEMENT_ACCOUNT_ID, ...Object.values(seeded.members)].sort());
    expect(byId.get(id('sandbox-alice'))).toMatchObject({ status: 'failed' });
    expect(byId.get(id('sandbox-alice'))?.error).toContain('AccessDenied');
    expect(byId.get(id('closed-legacy'))).toMatchObject({ status: 'failed', error: 'suspended' });
    const scanned = report.accounts.filter((a) => a.status === 'scanned').map((a) => a.id);
    expect(scanned.sort()).toEqual(
      [MANAGEMENT_ACCOUNT_ID, id('prod-web'), id('prod-data'), id('shared-services')].sort(),
    );
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.filter((f) => !scanned.includes(f.accountId ?? ''))).toEqual([]);
    expect(report.collection.errors.filter((e) => !scanned.includes(e.accountId ?? ''))).toEqual([]);
    const perAccount = report.collection.resourceCountsByAccount ?? {};
    expect(Object.keys(perAccount).sort()).toEqual([...scanned].sort());
    for (const [key, total] of Object.entries(report.collection.resourceCounts)) {
      const sum = Object.values(perAccount).reduce((acc, counts) => acc + (counts[key] ?? 0), 0);
      expect(sum, key).toBe(total);
    }
  });

  it('one OU, a Korean PDF: the organization summary, then the OU’s accounts only', async () => {
    await runAsWritten(scanCommand('org.pdf'));
    const text = await pdfText(join(dir, 'org.pdf'));
    expect(text).toContain('조직 요약');
    for (const name of ['prod-web', 'prod-data']) expect(text).toContain(name);
    for (const name of ['sandbox-alice', 'shared-services', 'closed-legacy'])
      expect(text).not.toContain(name);
  });

  it('chosen accounts, CSV: accountId and accountName first on every row, only those accounts', async () => {
    await runAsWritten(scanCommand('org.csv'));
    const rows = parseCsv(await readFile(join(dir, 'org.csv'), 'utf8'), { bom: true }) as string[][];
    const [header, ...data] = rows;
    expect(header?.slice(0, 2)).toEqual(['accountId', 'accountName']);
    expect(data.length).toBeGreaterThan(0);
    expect(new Set(data.map((r) => r[0]))).toEqual(new Set([id('prod-web'), id('shared-services')]));
    const services = new Set(data.map((r) => r[header?.indexOf('service') ?? -1]));
    expect([...services].every((s) => s === 's3' || s === 'iam')).toBe(true);
  });
});
