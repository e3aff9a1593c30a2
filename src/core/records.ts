/**
 * Typed records that collectors yield and checks read: the contract between src/collectors and
 * src/checks. Every record carries its `region` ('global' for account-wide data).
 *
 * A per-resource call that failed (e.g. GetBucketPolicy denied for one bucket) does not drop the
 * record: the field is left undefined and `fieldErrors[field]` says why, so the engine can turn a
 * check that needs that field into `unknown` for that resource only.
 *
 * Rules for changing this file: additive only (new optional fields, new kinds); never rename.
 */

export interface FieldError {
  operation: string;
  code: string;
  message: string;
}

export interface RecordBase {
  region: string;
  fieldErrors?: Record<string, FieldError>;
}

/** A CloudWatch datapoint: ISO-8601 timestamp of the period start, value. */
export interface MetricPoint {
  t: string;
  v: number;
}

export interface Tag {
  key: string;
  value: string;
}

// ---------------------------------------------------------------- EC2
export interface Ec2Instance extends RecordBase {
  instanceId: string;
  arn: string;
  instanceType: string;
  state: string; // pending | running | stopping | stopped | shutting-down | terminated
  stateTransitionReason?: string;
  /** Parsed from stateTransitionReason, e.g. "User initiated (2024-01-02 03:04:05 GMT)". */
  stateTransitionTime?: string;
  launchTime?: string;
  platform?: string; // "windows" or undefined (Linux/UNIX)
  platformDetails?: string;
  architecture?: string;
  tags: Tag[];
  name?: string;
  publicIp?: string;
  privateIp?: string;
  vpcId?: string;
  subnetId?: string;
  availabilityZone?: string;
  iamInstanceProfileArn?: string;
  metadataOptions?: { httpTokens?: string; httpEndpoint?: string; httpPutResponseHopLimit?: number };
  monitoringState?: string; // disabled | enabled | pending | disabling
  /** From DescribeInstanceAttribute(disableApiTermination); undefined with fieldErrors when it failed. */
  disableApiTermination?: boolean;
  securityGroupIds: string[];
  /** Attached EBS volume ids (from block device mappings). */
  volumeIds: string[];
  imageId?: string;
  keyName?: string;
}

export interface Ec2Volume extends RecordBase {
  volumeId: string;
  arn: string;
  volumeType: string; // gp2 | gp3 | io1 | io2 | st1 | sc1 | standard
  sizeGiB: number;
  iops?: number;
  throughput?: number;
  state: string; // creating | available | in-use | deleting | deleted | error
  encrypted: boolean;
  kmsKeyId?: string;
  snapshotId?: string;
  createTime?: string;
  availabilityZone?: string;
  attachments: { instanceId: string; device?: string; state?: string }[];
  tags: Tag[];
  name?: string;
}

export interface Ec2Snapshot extends RecordBase {
  snapshotId: string;
  arn: string;
  volumeId?: string;
  volumeSizeGiB: number;
  startTime?: string;
  state?: string;
  encrypted: boolean;
  description?: string;
  /** True when createVolumePermission includes group "all". */
  public?: boolean;
  tags: Tag[];
}

export interface SecurityGroupRule {
  protocol: string; // "-1", "tcp", "udp", "icmp", or a number
  fromPort?: number;
  toPort?: number;
  ipv4Ranges: string[];
  ipv6Ranges: string[];
  prefixListIds: string[];
  referencedGroupIds: string[];
}

export interface Ec2SecurityGroup extends RecordBase {
  groupId: string;
  arn: string;
  groupName: string;
  description?: string;
  vpcId?: string;
  ingress: SecurityGroupRule[];
  egress: SecurityGroupRule[];
  tags: Tag[];
}

export interface Ec2Address extends RecordBase {
  allocationId?: string;
  publicIp: string;
  arn?: string;
  domain?: string;
  /** Normalised: undefined when unassociated (moto reports ""). */
  associationId?: string;
  instanceId?: string;
  networkInterfaceId?: string;
  tags: Tag[];
}

export interface Ec2Image extends RecordBase {
  imageId: string;
  arn: string;
  name?: string;
  state?: string;
  creationDate?: string;
  public?: boolean;
  /** Snapshot ids referenced by the AMI's block device mappings. */
  snapshotIds: string[];
  tags: Tag[];
}

/** One per region: EBS encryption by default. */
export interface EbsEncryptionDefault extends RecordBase {
  enabled: boolean;
}

/** CloudWatch metrics of one EC2 instance over the collection window (14 days by default). */
export interface Ec2InstanceMetrics extends RecordBase {
  instanceId: string;
  cpuDailyAverage: MetricPoint[];
  cpuDailyMaximum: MetricPoint[];
  networkInDailySum: MetricPoint[]; // bytes
  networkOutDailySum: MetricPoint[]; // bytes
  /** CWAgent mem_used_percent daily average; empty when the agent publishes nothing. */
  memUsedDailyAverage: MetricPoint[];
  memUsedDailyMaximum?: MetricPoint[];
}

// ---------------------------------------------------------------- S3
export interface PublicAccessBlock {
  blockPublicAcls: boolean;
  ignorePublicAcls: boolean;
  blockPublicPolicy: boolean;
  restrictPublicBuckets: boolean;
}

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

export interface PolicyDocument {
  Version?: string;
  Statement: PolicyStatement[];
}

export interface S3Bucket extends RecordBase {
  /** The bucket's own region (record.region equals it). */
  name: string;
  arn: string;
  creationDate?: string;
  /** null = no default encryption rule (ServerSideEncryptionConfigurationNotFoundError). */
  encryption?: { algorithm: string; kmsKeyId?: string; bucketKeyEnabled?: boolean }[] | null;
  /** null = no bucket-level configuration (NoSuchPublicAccessBlockConfiguration). */
  publicAccessBlock?: PublicAccessBlock | null;
  /** null = no bucket policy. */
  policy?: PolicyDocument | null;
  aclGrants?: { granteeType: string; granteeUri?: string; granteeId?: string; permission: string }[];
  versioning?: { status: 'Enabled' | 'Suspended' | 'Disabled'; mfaDelete: 'Enabled' | 'Disabled' };
  lifecycleRules?: {
    id?: string;
    status: 'Enabled' | 'Disabled';
    transitions: { storageClass: string; days?: number; date?: string }[];
    expirationDays?: number;
  }[];
  /** null = logging disabled. */
  logging?: { targetBucket: string; targetPrefix?: string } | null;
  intelligentTieringConfigurations?: { id: string; status: 'Enabled' | 'Disabled' }[];
  ownershipControls?: string | null; // BucketOwnerEnforced | BucketOwnerPreferred | ObjectWriter
  tags?: Tag[];
}

/** Account-level Block Public Access (region 'global'); null flags = not configured. */
export interface S3AccountPublicAccessBlock extends RecordBase {
  accountId: string;
  publicAccessBlock: PublicAccessBlock | null;
}

// ---------------------------------------------------------------- Lambda
export interface LambdaFunction extends RecordBase {
  functionName: string;
  arn: string;
  runtime?: string; // undefined for container images
  packageType: 'Zip' | 'Image';
  memoryMb: number;
  timeoutSeconds: number;
  architectures: string[];
  role: string;
  handler?: string;
  lastModified?: string;
  codeSizeBytes?: number;
  layers: string[];
  codeSigningConfigArn?: string | null;
  /** Parsed resource-based policy; null when the function has none. */
  resourcePolicy?: PolicyDocument | null;
  deadLetterTargetArn?: string;
  /** Environment variable NAMES only; values are never collected. */
  environmentVariableNames: string[];
  tags?: Tag[];
}

export interface LambdaFunctionMetrics extends RecordBase {
  functionName: string;
  invocationsDailySum: MetricPoint[];
  errorsDailySum: MetricPoint[];
  durationDailyMaximum: MetricPoint[]; // milliseconds
  durationDailyAverage?: MetricPoint[];
}

/** From `REPORT` lines of /aws/lambda/<name> over the last 7 days. */
export interface LambdaMemoryUsage extends RecordBase {
  functionName: string;
  invocationsSeen: number;
  maxMemoryUsedMb?: number;
  memorySizeMb?: number;
  maxDurationMs?: number;
}

// ---------------------------------------------------------------- RDS
export interface RdsInstance extends RecordBase {
  dbInstanceIdentifier: string;
  arn: string;
  dbInstanceClass: string;
  engine: string;
  engineVersion?: string;
  status?: string;
  allocatedStorageGiB?: number;
  storageType?: string;
  iops?: number;
  multiAZ: boolean;
  publiclyAccessible: boolean;
  storageEncrypted: boolean;
  kmsKeyId?: string;
  backupRetentionPeriod: number;
  deletionProtection: boolean;
  autoMinorVersionUpgrade: boolean;
  instanceCreateTime?: string;
  availabilityZone?: string;
  vpcSecurityGroupIds: string[];
  dbClusterIdentifier?: string;
  performanceInsightsEnabled?: boolean;
  iamDatabaseAuthenticationEnabled?: boolean;
  caCertificateIdentifier?: string;
  tags: Tag[];
}

export interface RdsSnapshot extends RecordBase {
  dbSnapshotIdentifier: string;
  arn: string;
  dbInstanceIdentifier?: string;
  snapshotType?: string;
  snapshotCreateTime?: string;
  allocatedStorageGiB?: number;
  encrypted: boolean;
  /** Values of the `restore` attribute (account ids or "all"). */
  restoreAttribute?: string[];
}

export interface RdsInstanceMetrics extends RecordBase {
  dbInstanceIdentifier: string;
  cpuDailyAverage: MetricPoint[];
  cpuDailyMaximum: MetricPoint[];
  connectionsDailyMaximum: MetricPoint[];
}

// ---------------------------------------------------------------- IAM (region 'global')
export interface AttachedPolicyRef {
  policyName: string;
  policyArn: string;
}

export interface InlinePolicy {
  policyName: string;
  document: PolicyDocument;
}

export interface IamUser extends RecordBase {
  userName: string;
  userId?: string;
  arn: string;
  createDate?: string;
  passwordLastUsed?: string;
  groups: string[];
  attachedPolicies: AttachedPolicyRef[];
  inlinePolicies: InlinePolicy[];
  tags: Tag[];
}

export interface IamGroup extends RecordBase {
  groupName: string;
  arn: string;
  attachedPolicies: AttachedPolicyRef[];
  inlinePolicies: InlinePolicy[];
}

export interface IamRole extends RecordBase {
  roleName: string;
  arn: string;
  createDate?: string;
  assumeRolePolicy?: PolicyDocument;
  attachedPolicies: AttachedPolicyRef[];
  inlinePolicies: InlinePolicy[];
  lastUsedDate?: string;
  tags: Tag[];
}

/** Managed policies (customer-managed, and the AWS-managed ones that are attached anywhere). */
export interface IamPolicy extends RecordBase {
  policyName: string;
  arn: string;
  awsManaged: boolean;
  attachmentCount?: number;
  defaultVersionId?: string;
  document?: PolicyDocument;
  /** True when some statement allows Action "*" on Resource "*". */
  allowsAdminAccess: boolean;
}

/** One row of the credential report (dates ISO-8601 or undefined for N/A / no_information). */
export interface IamCredentialReportRow extends RecordBase {
  user: string;
  arn: string;
  userCreationTime?: string;
  passwordEnabled: boolean;
  passwordLastUsed?: string;
  passwordLastChanged?: string;
  mfaActive: boolean;
  accessKey1Active: boolean;
  accessKey1LastRotated?: string;
  accessKey1LastUsedDate?: string;
  accessKey2Active: boolean;
  accessKey2LastRotated?: string;
  accessKey2LastUsedDate?: string;
}

export interface IamPasswordPolicy extends RecordBase {
  /** null = the account has no password policy (NoSuchEntity). */
  policy: {
    minimumPasswordLength?: number;
    requireSymbols?: boolean;
    requireNumbers?: boolean;
    requireUppercaseCharacters?: boolean;
    requireLowercaseCharacters?: boolean;
    allowUsersToChangePassword?: boolean;
    maxPasswordAge?: number;
    passwordReusePrevention?: number;
    hardExpiry?: boolean;
  } | null;
}

export interface IamAccountSummary extends RecordBase {
  summary: Record<string, number>;
}

/** Every collector id and the record type it yields. */
export interface RecordKinds {
  'ec2.instances': Ec2Instance;
  'ec2.volumes': Ec2Volume;
  'ec2.snapshots': Ec2Snapshot;
  'ec2.security-groups': Ec2SecurityGroup;
  'ec2.addresses': Ec2Address;
  'ec2.images': Ec2Image;
  'ec2.ebs-encryption-default': EbsEncryptionDefault;
  'ec2.instance-metrics': Ec2InstanceMetrics;
  's3.buckets': S3Bucket;
  's3.account-public-access-block': S3AccountPublicAccessBlock;
  'lambda.functions': LambdaFunction;
  'lambda.function-metrics': LambdaFunctionMetrics;
  'lambda.memory-usage': LambdaMemoryUsage;
  'rds.instances': RdsInstance;
  'rds.snapshots': RdsSnapshot;
  'rds.instance-metrics': RdsInstanceMetrics;
  'iam.users': IamUser;
  'iam.groups': IamGroup;
  'iam.roles': IamRole;
  'iam.policies': IamPolicy;
  'iam.credential-report': IamCredentialReportRow;
  'iam.password-policy': IamPasswordPolicy;
  'iam.account-summary': IamAccountSummary;
}

export type CollectorId = keyof RecordKinds;

export function serviceOfCollector(id: CollectorId): import('./services.js').ServiceId {
  return id.slice(0, id.indexOf('.')) as import('./services.js').ServiceId;
}
