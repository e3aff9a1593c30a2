/**
 * Builders for the table columns of collector descriptors, and the column labels several services
 * share. A label only one service uses is written in that service's descriptor file.
 */
import type { ColumnSpec } from './descriptor.js';
import type { LocalizedText } from './text.js';

export const COLUMN_LABELS = {
  name: { ko: '이름', en: 'Name' },
  type: { ko: '유형', en: 'Type' },
  state: { ko: '상태', en: 'State' },
  status: { ko: '상태', en: 'Status' },
  region: { ko: '리전', en: 'Region' },
  zone: { ko: '가용 영역', en: 'Availability zone' },
  created: { ko: '생성 시각', en: 'Created' },
  modified: { ko: '수정 시각', en: 'Modified' },
  lastUsed: { ko: '마지막 사용', en: 'Last used' },
  size: { ko: '크기(GiB)', en: 'Size (GiB)' },
  storage: { ko: '스토리지(GiB)', en: 'Storage (GiB)' },
  memory: { ko: '메모리(MB)', en: 'Memory (MB)' },
  encrypted: { ko: '암호화', en: 'Encrypted' },
  public: { ko: '공개', en: 'Public' },
  description: { ko: '설명', en: 'Description' },
  vpc: { ko: 'VPC 식별자', en: 'VPC' },
  instance: { ko: '인스턴스', en: 'Instance' },
  enabled: { ko: '사용', en: 'Enabled' },
  attachments: { ko: '연결 수', en: 'Attachments' },
  policies: { ko: '정책', en: 'Policies' },
  tags: { ko: '태그', en: 'Tags' },
} as const satisfies Record<string, LocalizedText>;

type Label = LocalizedText;

export const column = {
  text: (field: string, label: Label): ColumnSpec => ({ kind: 'text', field, label }),
  mono: (field: string, label: Label): ColumnSpec => ({ kind: 'mono', field, label }),
  number: (field: string, label: Label): ColumnSpec => ({ kind: 'number', field, label }),
  date: (field: string, label: Label): ColumnSpec => ({ kind: 'date', field, label }),
  state: (field: string, label: Label = COLUMN_LABELS.state): ColumnSpec => ({ kind: 'state', field, label }),
  yesNo: (field: string, label: Label, good?: boolean): ColumnSpec => ({
    kind: 'yesNo',
    field,
    label,
    ...(good === undefined ? {} : { good }),
  }),
  count: (field: string, label: Label): ColumnSpec => ({ kind: 'count', field, label }),
  joined: (field: string, label: Label): ColumnSpec => ({ kind: 'joined', field, label }),
  region: { kind: 'text', field: 'region', label: COLUMN_LABELS.region } as ColumnSpec,
  tags: { kind: 'tags', field: 'tags', label: COLUMN_LABELS.tags } as ColumnSpec,
} as const;
