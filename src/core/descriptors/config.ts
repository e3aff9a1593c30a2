/** AWS Config: configuration recorders and their status. */
import { column } from '../columns.js';
import { defineCollectorDescriptor, defineService } from '../descriptor.js';
import { configRecorderSchema } from '../records/config.js';

const recorders = defineCollectorDescriptor({
  id: 'config.recorders',
  label: { ko: '구성 레코더', en: 'Configuration recorders' },
  scope: 'regional',
  record: configRecorderSchema,
  resource: { idFields: ['name'], nameField: 'name' },
  inventory: true,
  diff: true,
  columns: [
    column.yesNo('recording', { ko: '기록 중', en: 'Recording' }, true),
    column.text('lastStatus', { ko: '마지막 상태', en: 'Last status' }),
    column.yesNo('allSupported', { ko: '지원되는 모든 리소스', en: 'All supported resources' }, true),
    column.count('resourceTypes', { ko: '지정한 리소스 유형 수', en: 'Listed resource types' }),
    column.region,
  ],
  iamActions: ['config:DescribeConfigurationRecorders', 'config:DescribeConfigurationRecorderStatus'],
});

export const config = defineService({
  id: 'config',
  name: 'Config',
  fullName: 'AWS Config',
  collectors: [recorders],
});
