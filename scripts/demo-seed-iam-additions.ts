/**
 * Demo IAM for the CHECKS.md part-2 additions: a support role (the account passes), an attached
 * customer policy that allows everything and a scoped one, a user mid-rotation with two active
 * keys, and an uploaded server certificate (the emulator dates every one 2012, so it fails).
 * The seeding steps are exported: the IAM additions end-to-end test builds its account with them.
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

export const SUPPORT_POLICY_ARN = 'arn:aws:iam::aws:policy/AWSSupportAccess';

/** A customer-managed policy allowing one action on one resource; answers its ARN. */
export async function createAllowPolicy(
  iam: IAMClient,
  name: string,
  action: string,
  resource: string,
): Promise<string> {
  const document = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: action, Resource: resource }],
  };
  const created = await iam.send(
    new CreatePolicyCommand({ PolicyName: name, PolicyDocument: JSON.stringify(document) }),
  );
  return created.Policy?.Arn ?? '';
}

/** A role the account itself may assume, with `policyArn` attached. */
export async function createRoleWithPolicy(
  iam: IAMClient,
  accountId: string,
  roleName: string,
  policyArn: string,
): Promise<void> {
  const trust = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'sts:AssumeRole' },
    ],
  };
  await iam.send(
    new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: JSON.stringify(trust) }),
  );
  await iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: policyArn }));
}

/** A user with `keys` active access keys (two: mid-rotation). */
export async function createUserWithKeys(iam: IAMClient, userName: string, keys: number): Promise<void> {
  await iam.send(new CreateUserCommand({ UserName: userName }));
  for (let key = 0; key < keys; key++) await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
}

export async function attachUserPolicy(iam: IAMClient, userName: string, policyArn: string): Promise<void> {
  await iam.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn: policyArn }));
}

/** An uploaded server certificate (placeholder PEM: the emulator stores it and dates it 2012). */
export async function uploadServerCertificate(iam: IAMClient, name: string): Promise<void> {
  await iam.send(
    new UploadServerCertificateCommand({
      ServerCertificateName: name,
      CertificateBody: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
      PrivateKey: '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----',
    }),
  );
}

/** Run after seedIam (it attaches to the user demo-auditor). */
export async function seedIamAdditions(target: EmulatorTarget, accountId: string): Promise<void> {
  const iam = new IAMClient(emulatorClientConfig(target, 'us-east-1'));
  await createRoleWithPolicy(iam, accountId, 'demo-support', SUPPORT_POLICY_ARN);
  const everything = await createAllowPolicy(iam, 'demo-deploy-everything', '*', '*');
  await createRoleWithPolicy(iam, accountId, 'demo-deployer', everything);
  const scoped = await createAllowPolicy(
    iam,
    'demo-read-audit-logs',
    's3:GetObject',
    'arn:aws:s3:::demo-audit-logs/*',
  );
  await attachUserPolicy(iam, 'demo-auditor', scoped);
  await createUserWithKeys(iam, 'demo-rotation', 2);
  await uploadServerCertificate(iam, 'demo-legacy-site');
  iam.destroy();
}
