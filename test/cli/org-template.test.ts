import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { requiredIamActions } from '../../src/collectors/registry.js';
import { buildMemberRoleTemplate } from '../../src/orgs/member-role-template.js';
import { cli, noStack } from './run-cli.js';

interface Template {
  Parameters: Record<string, { Default?: string }>;
}

describe('again-console org-template', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'org-template-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the YAML template with the given parameter defaults; the same template as the generator', async () => {
    const run = await cli([
      'org-template',
      '--role-name',
      'AuditRole7',
      '--external-id',
      'again-cli_ExternalId-1',
      '--trusted-principal',
      'arn:aws:iam::111122223333:role/console',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const template = parse(run.text, { version: '1.1' }) as Template;
    expect(template.Parameters.RoleName?.Default).toBe('AuditRole7');
    expect(template.Parameters.ExternalId?.Default).toBe('again-cli_ExternalId-1');
    expect(template.Parameters.TrustedPrincipalArn?.Default).toBe('arn:aws:iam::111122223333:role/console');
    expect(template).toEqual(
      buildMemberRoleTemplate({
        actions: requiredIamActions(),
        roleName: 'AuditRole7',
        externalId: 'again-cli_ExternalId-1',
        trustedPrincipalArn: 'arn:aws:iam::111122223333:role/console',
      }).template,
    );
  });

  it('-o writes JSON to the file and nothing to stdout; without ids the parameters have no default', async () => {
    const file = join(dir, 'member-role.json');
    const run = await cli(['org-template', '--format', 'json', '-o', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    const template = JSON.parse(await readFile(file, 'utf8')) as Template;
    expect(template.Parameters.ExternalId?.Default).toBeUndefined();
    expect(template.Parameters.TrustedPrincipalArn?.Default).toBeUndefined();
    expect(template.Parameters.RoleName?.Default).toBe('AgainConsoleAudit');
  });

  it('exits 2 with one clear line on a bad format, role name, External ID or principal; writes no file', async () => {
    const file = join(dir, 'never.yaml');
    for (const [args, message] of [
      [['--format', 'xml'], '--format must be yaml or json'],
      [['--role-name', 'bad,name'], '--role-name must be'],
      [['--external-id', 'x'], '--external-id must be'],
      [['--trusted-principal', 'not-an-arn'], '--trusted-principal must be'],
    ] as const) {
      const run = await cli(['org-template', ...args, '-o', file]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      noStack(run.stderr);
    }
    expect(await readdir(dir)).not.toContain('never.yaml');
  });
});
