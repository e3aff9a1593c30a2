import { STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildMemberRoleTemplate } from '../../src/orgs/member-role-template.js';
import { TRUSTED_PRINCIPAL_PLACEHOLDER } from '../../src/orgs/stackset-commands.js';
import { OrgSetupResponse } from '../../src/shared/api/org-setup.js';
import { type Agent, anonymousAgent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { resetMoto } from '../support/moto.js';

interface Template {
  Parameters: Record<string, { Default?: string }>;
  Resources: Record<string, unknown>;
}

describe('GET /api/org-setup and /api/org-setup/template', () => {
  let t: TestApp;
  let user: Agent;
  let roleSetup: { externalId: string; serverPrincipalArn: string | null };

  beforeAll(async () => {
    await resetMoto();
    t = await createTestApp();
    user = await signUp(t.app);
    roleSetup = (await user.get('/api/connections/role-setup')).json();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives the user External ID, the server principal, the policy count and the filled-in commands', async () => {
    const res = await user.get('/api/org-setup');
    expect(res.statusCode).toBe(200);
    const setup = OrgSetupResponse.parse(res.json());
    expect(setup.externalId).toBe(roleSetup.externalId);
    expect(setup.trustedPrincipalArn).toBe(roleSetup.serverPrincipalArn);
    expect(setup.trustedPrincipalArn).toMatch(/^arn:aws:(iam|sts)::123456789012:/);
    expect(setup.roleName).toBe('AgainConsoleAudit');
    expect(setup.region).toBe('us-east-1');
    expect(setup.policyCount).toBe(buildMemberRoleTemplate({ actions: t.deps.iamActions() }).policyCount);
    const { createStackSet, createStackInstances, createManagementStack } = setup.commands;
    for (const command of [createStackSet, createManagementStack]) {
      expect(command).toContain(`ParameterValue=${setup.externalId}`);
      expect(command).toContain(`ParameterValue=${setup.trustedPrincipalArn}`);
      expect(command).toContain('CAPABILITY_NAMED_IAM');
    }
    expect(createStackSet).toContain('--permission-model SERVICE_MANAGED');
    expect(createStackInstances).toContain(`OrganizationalUnitIds=${setup.targetsPlaceholder}`);
    expect(createStackInstances).toContain('--regions us-east-1');
  });

  it('downloads the YAML template (the default) with the user values as parameter defaults', async () => {
    const res = await user.get('/api/org-setup/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="again-console-member-role.yaml"');
    expect(res.headers['content-type']).toMatch(/^application\/yaml/);
    const template = parse(res.body, { version: '1.1' }) as Template;
    expect(template.Parameters.ExternalId?.Default).toBe(roleSetup.externalId);
    expect(template.Parameters.TrustedPrincipalArn?.Default).toBe(roleSetup.serverPrincipalArn);
  });

  it('downloads the same template as JSON', async () => {
    const yaml = parse((await user.get('/api/org-setup/template?format=yaml')).body, { version: '1.1' });
    const res = await user.get('/api/org-setup/template?format=json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="again-console-member-role.json"');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual(yaml);
  });

  it('answers 400 with a clear message for an unknown format', async () => {
    for (const format of ['xml', 'YAML', '']) {
      const res = await user.get(`/api/org-setup/template?format=${format}`);
      expect(res.statusCode, format).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'validation',
        fields: { format: 'format must be yaml or json' },
      });
    }
  });

  it('answers 401 when signed out', async () => {
    const anonymous = await anonymousAgent(t.app);
    for (const url of ['/api/org-setup', '/api/org-setup/template', '/api/org-setup/template?format=json']) {
      const res = await anonymous.get(url);
      expect(res.statusCode, url).toBe(401);
      expect(res.body).not.toContain('AWSTemplateFormatVersion');
    }
  });
});

describe('org setup when the server cannot tell its own principal', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      overrides: {
        stsClientFactory: (config) => {
          const client = new STSClient(config);
          client.middlewareStack.add(
            () => async () => {
              throw Object.assign(new Error('no identity'), { name: 'AccessDenied' });
            },
            { step: 'initialize', name: 'denyEverything' },
          );
          return client;
        },
      },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows no principal, a placeholder in the commands, and the template asks for it at deploy time', async () => {
    const user = await signUp(t.app);
    const setup = OrgSetupResponse.parse((await user.get('/api/org-setup')).json());
    expect(setup.trustedPrincipalArn).toBeNull();
    expect(setup.commands.createStackSet).toContain(`ParameterValue=${TRUSTED_PRINCIPAL_PLACEHOLDER}`);
    const template = parse((await user.get('/api/org-setup/template')).body, { version: '1.1' }) as Template;
    expect(template.Parameters.TrustedPrincipalArn).toBeDefined();
    expect(template.Parameters.TrustedPrincipalArn?.Default).toBeUndefined();
  });
});
