/** Demo IAM: the console's read-only role, Lambda execution roles, users that pass and fail. */
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  IAMClient,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { backdate, type EmulatorTarget, emulatorClientConfig } from './demo-seed-aws.js';

const ADMIN_POLICY = 'arn:aws:iam::aws:policy/AdministratorAccess';
const LAMBDA_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** IAM is global: execution roles, users with and without MFA, admin rights, an old key, a weak policy. */
export async function seedIam(target: EmulatorTarget, consoleRoleName: string): Promise<void> {
  const iam = new IAMClient(emulatorClientConfig(target, 'us-east-1'));
  // The role the console assumes: read-only, trusting the console's own account.
  await iam.send(
    new CreateRoleCommand({
      RoleName: consoleRoleName,
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' },
        ],
      }),
    }),
  );
  await iam.send(
    new AttachRolePolicyCommand({
      RoleName: consoleRoleName,
      PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    }),
  );
  await iam.send(
    new CreateRoleCommand({ RoleName: 'demo-lambda-admin', AssumeRolePolicyDocument: LAMBDA_TRUST }),
  );
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'demo-lambda-admin', PolicyArn: ADMIN_POLICY }));
  await iam.send(
    new CreateRoleCommand({ RoleName: 'demo-lambda-basic', AssumeRolePolicyDocument: LAMBDA_TRUST }),
  );
  await iam.send(
    new AttachRolePolicyCommand({
      RoleName: 'demo-lambda-basic',
      PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
    }),
  );

  await iam.send(new CreateUserCommand({ UserName: 'demo-admin' }));
  await iam.send(
    new CreateLoginProfileCommand({ UserName: 'demo-admin', Password: 'Demo-Passw0rd-Console!' }),
  );
  await iam.send(new AttachUserPolicyCommand({ UserName: 'demo-admin', PolicyArn: ADMIN_POLICY }));

  await iam.send(new CreateGroupCommand({ GroupName: 'demo-operators' }));
  await iam.send(new AttachGroupPolicyCommand({ GroupName: 'demo-operators', PolicyArn: ADMIN_POLICY }));
  await iam.send(new CreateUserCommand({ UserName: 'demo-ops' }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'demo-operators', UserName: 'demo-ops' }));

  await iam.send(new CreateUserCommand({ UserName: 'demo-ci' }));
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'demo-ci' }));
  await backdate(target, { kind: 'access-key', id: key.AccessKey?.AccessKeyId ?? '', days: 200 });

  // A careful user: console access protected by a virtual MFA device.
  await iam.send(new CreateUserCommand({ UserName: 'demo-auditor' }));
  await iam.send(
    new CreateLoginProfileCommand({ UserName: 'demo-auditor', Password: 'Demo-Passw0rd-Audit!' }),
  );
  const mfa = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'demo-auditor' }));
  await iam.send(
    new EnableMFADeviceCommand({
      UserName: 'demo-auditor',
      SerialNumber: mfa.VirtualMFADevice?.SerialNumber,
      AuthenticationCode1: '123456',
      AuthenticationCode2: '654321',
    }),
  );
  await iam.send(
    new UpdateAccountPasswordPolicyCommand({
      MinimumPasswordLength: 6,
      RequireSymbols: false,
      MaxPasswordAge: 0,
    }),
  );
  iam.destroy();
}
