import type { ReactNode } from 'react';
import { ResourceStateBadge, YesNo } from '../../components/resources/StatusBadge';
import { TagList } from '../../components/resources/TagList';
import type { CollectorId } from './collectors';
import { bool, list, num, obj, type Row, str, tagsOf } from './format';

/** What a cell may need besides the row: formatters bound to the UI language. */
export interface CellContext {
  dateTime: (iso: string | undefined) => string;
  number: (value: number) => string;
  yesNo: (value: boolean) => string;
  none: string;
}

export interface Column {
  /** i18n key under resources.columns. */
  label: string;
  /** Top-level field the server sorts by; absent = not sortable. */
  sort?: string;
  render: (row: Row, ctx: CellContext) => ReactNode;
  numeric?: boolean;
}

const text = (field: string, label = field): Column => ({
  label,
  sort: field,
  render: (row) => str(row, field) ?? '—',
});
const mono = (field: string, label: string): Column => ({
  label,
  sort: field,
  render: (row) => <span className="font-monospace small">{str(row, field) ?? '—'}</span>,
});
const count = (field: string, label: string, sort?: string): Column => ({
  label,
  numeric: true,
  ...(sort ? { sort } : {}),
  render: (row, ctx) => ctx.number(list(row, field).length),
});
const number = (field: string, label: string): Column => ({
  label,
  sort: field,
  numeric: true,
  render: (row, ctx) => {
    const value = num(row, field);
    return value === undefined ? '—' : ctx.number(value);
  },
});
const date = (field: string, label: string): Column => ({
  label,
  sort: field,
  render: (row, ctx) => {
    const value = str(row, field);
    return value ? <time dateTime={value}>{ctx.dateTime(value)}</time> : '—';
  },
});
const yesNo = (field: string, label: string, good?: boolean): Column => ({
  label,
  sort: field,
  render: (row) => <YesNo value={bool(row, field)} {...(good === undefined ? {} : { good })} />,
});
const state = (field: string, label = 'state'): Column => ({
  label,
  sort: field,
  render: (row) => <ResourceStateBadge state={str(row, field)} />,
});
const region: Column = { label: 'region', sort: 'region', render: (row) => str(row, 'region') ?? '—' };
const tags: Column = { label: 'tags', render: (row) => <TagList tags={tagsOf(row)} /> };
const joined = (field: string, label: string): Column => ({
  label,
  render: (row) => list(row, field).map(String).join(', ') || '—',
});

/**
 * Columns of each resource kind after the first (the id/name link, which the table draws itself).
 * Chosen for what an operator scans for; every field is still in the detail view.
 */
export const COLUMNS: Partial<Record<CollectorId, Column[]>> = {
  'ec2.instances': [
    mono('instanceType', 'type'),
    state('state'),
    region,
    text('availabilityZone', 'zone'),
    date('launchTime', 'launched'),
    mono('publicIp', 'publicIp'),
    mono('privateIp', 'privateIp'),
    tags,
  ],
  'ec2.volumes': [
    mono('volumeType', 'type'),
    number('sizeGiB', 'size'),
    state('state'),
    yesNo('encrypted', 'encrypted', true),
    {
      label: 'attachedTo',
      render: (row) =>
        list(row, 'attachments')
          .map((a) => (a && typeof a === 'object' ? String((a as Row).instanceId ?? '') : ''))
          .filter(Boolean)
          .join(', ') || '—',
    },
    region,
    date('createTime', 'created'),
    tags,
  ],
  'ec2.snapshots': [
    mono('volumeId', 'volume'),
    number('volumeSizeGiB', 'size'),
    state('state'),
    yesNo('encrypted', 'encrypted', true),
    yesNo('public', 'public', false),
    region,
    date('startTime', 'created'),
    tags,
  ],
  'ec2.security-groups': [
    text('groupName', 'name'),
    mono('vpcId', 'vpc'),
    count('ingress', 'inbound'),
    count('egress', 'outbound'),
    region,
    text('description', 'description'),
  ],
  'ec2.addresses': [
    mono('allocationId', 'id'),
    mono('instanceId', 'instance'),
    { label: 'association', render: (row) => <YesNo value={Boolean(str(row, 'associationId'))} /> },
    region,
    tags,
  ],
  'ec2.images': [
    text('name', 'name'),
    state('state'),
    yesNo('public', 'public', false),
    count('snapshotIds', 'attachments'),
    region,
    date('creationDate', 'created'),
  ],
  'ec2.ebs-encryption-default': [yesNo('enabled', 'enabled', true)],
  's3.buckets': [
    region,
    date('creationDate', 'created'),
    {
      label: 'versioning',
      render: (row) => obj(row, 'versioning')?.status?.toString() ?? '—',
    },
    {
      label: 'encryption',
      render: (row, ctx) => {
        const rules = row.encryption;
        if (rules === null) return ctx.none;
        if (!Array.isArray(rules)) return '—';
        return rules.map((r) => String((r as Row).algorithm ?? '')).join(', ') || ctx.none;
      },
    },
    {
      label: 'blockPublicAccess',
      render: (row) => {
        const block = row.publicAccessBlock;
        if (block === undefined) return '—';
        const all = block !== null && Object.values(block as Row).every((v) => v === true);
        return <YesNo value={all} good={true} />;
      },
    },
    {
      label: 'logging',
      render: (row) => <YesNo value={row.logging === undefined ? undefined : row.logging !== null} />,
    },
    tags,
  ],
  's3.account-public-access-block': [
    {
      label: 'blockPublicAccess',
      render: (row) => {
        const block = row.publicAccessBlock;
        const all = Boolean(block) && Object.values(block as Row).every((v) => v === true);
        return <YesNo value={all} good={true} />;
      },
    },
  ],
  'lambda.functions': [
    mono('runtime', 'runtime'),
    number('memoryMb', 'memory'),
    number('timeoutSeconds', 'timeout'),
    joined('architectures', 'architectures'),
    region,
    date('lastModified', 'modified'),
    tags,
  ],
  'lambda.memory-usage': [
    number('invocationsSeen', 'invocations'),
    number('maxMemoryUsedMb', 'maxMemoryUsed'),
    number('memorySizeMb', 'memory'),
    region,
  ],
  'rds.instances': [
    {
      label: 'engine',
      sort: 'engine',
      render: (row) => [str(row, 'engine'), str(row, 'engineVersion')].filter(Boolean).join(' '),
    },
    mono('dbInstanceClass', 'class'),
    state('status', 'status'),
    yesNo('multiAZ', 'multiAz', true),
    yesNo('storageEncrypted', 'encrypted', true),
    yesNo('publiclyAccessible', 'public', false),
    number('allocatedStorageGiB', 'storage'),
    region,
    tags,
  ],
  'rds.snapshots': [
    mono('dbInstanceIdentifier', 'dbInstance'),
    text('snapshotType', 'snapshotType'),
    yesNo('encrypted', 'encrypted', true),
    joined('restoreAttribute', 'restore'),
    number('allocatedStorageGiB', 'storage'),
    region,
    date('snapshotCreateTime', 'created'),
  ],
  'iam.users': [
    joined('groups', 'groups'),
    count('attachedPolicies', 'policies'),
    date('passwordLastUsed', 'lastUsed'),
    date('createDate', 'created'),
    tags,
  ],
  'iam.groups': [count('attachedPolicies', 'policies')],
  'iam.roles': [
    count('attachedPolicies', 'policies'),
    date('lastUsedDate', 'lastUsed'),
    date('createDate', 'created'),
    tags,
  ],
  'iam.policies': [
    text('policyName', 'name'),
    yesNo('awsManaged', 'awsManaged'),
    number('attachmentCount', 'attachments'),
    yesNo('allowsAdminAccess', 'admin', false),
  ],
  'iam.credential-report': [
    yesNo('passwordEnabled', 'password'),
    yesNo('mfaActive', 'mfa', true),
    {
      label: 'accessKeys',
      numeric: true,
      render: (row, ctx) =>
        ctx.number(
          Number(bool(row, 'accessKey1Active') === true) + Number(bool(row, 'accessKey2Active') === true),
        ),
    },
    date('passwordLastUsed', 'lastUsed'),
    date('userCreationTime', 'created'),
  ],
};

/** Kinds without their own list (metrics, singletons) show their region next to the id. */
export function columnsOf(collector: CollectorId): Column[] {
  return COLUMNS[collector] ?? [region];
}
