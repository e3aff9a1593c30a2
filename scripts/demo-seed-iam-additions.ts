/**
 * Demo IAM for the CHECKS.md part-2 additions: a support role (the account passes), an attached
 * customer policy that allows everything and a scoped one, a user mid-rotation with two active
 * keys, and an uploaded server certificate (the emulator dates every one 2012, so it fails).
 */
import {
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  UploadServerCertificateCommand,
} from '@aws-sdk/client-iam';
import { type EmulatorTarget, emulatorClientConfig } from './demo-seed-aws.js';

const allow = (action: string, resource: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: action, Resource: resource }],
  });

/** Run after seedIam (it attaches to the user demo-auditor). */
export async function seedIamAdditions(target: EmulatorTarget, accountId: string): Promise<void> {
  const iam = new IAMClient(emulatorClientConfig(target, 'us-east-1'));
  const trustAccount = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'sts:AssumeRole' },
    ],
  });
  await iam.send(new CreateRoleCommand({ RoleName: 'demo-support', AssumeRolePolicyDocument: trustAccount }));
  await iam.send(
    new AttachRolePolicyCommand({
      RoleName: 'demo-support',
      PolicyArn: 'arn:aws:iam::aws:policy/AWSSupportAccess',
    }),
  );

  const everything = await iam.send(
    new CreatePolicyCommand({ PolicyName: 'demo-deploy-everything', PolicyDocument: allow('*', '*') }),
  );
  await iam.send(
    new CreateRoleCommand({ RoleName: 'demo-deployer', AssumeRolePolicyDocument: trustAccount }),
  );
  await iam.send(
    new AttachRolePolicyCommand({ RoleName: 'demo-deployer', PolicyArn: everything.Policy?.Arn ?? '' }),
  );
  const scoped = await iam.send(
    new CreatePolicyCommand({
      PolicyName: 'demo-read-audit-logs',
      PolicyDocument: allow('s3:GetObject', 'arn:aws:s3:::demo-audit-logs/*'),
    }),
  );
  await iam.send(
    new AttachUserPolicyCommand({ UserName: 'demo-auditor', PolicyArn: scoped.Policy?.Arn ?? '' }),
  );

  await iam.send(new CreateUserCommand({ UserName: 'demo-rotation' }));
  await iam.send(new CreateAccessKeyCommand({ UserName: 'demo-rotation' }));
  await iam.send(new CreateAccessKeyCommand({ UserName: 'demo-rotation' }));

  await iam.send(
    new UploadServerCertificateCommand({
      ServerCertificateName: 'demo-legacy-site',
      CertificateBody: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
      PrivateKey: '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----',
    }),
  );
  iam.destroy();
}
