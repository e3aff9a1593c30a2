import { particle } from '../../core/korean.js';
import { passOrFail, perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'efs-file-system-encrypted',
  service: 'efs',
  category: 'security',
  severity: 'medium',
  title: { en: 'EFS file systems are encrypted', ko: 'EFS 파일 시스템이 암호화됨' },
  failureLabel: { en: 'Unencrypted EFS file systems', ko: '암호화되지 않은 EFS 파일 시스템' },
  description: {
    en: 'Fails when Encrypted is false: the files are stored unencrypted at rest. Encryption can only be chosen when the file system is created.',
    ko: '`Encrypted`가 false이면 파일이 암호화되지 않은 채 저장되므로 실패입니다. 암호화는 파일 시스템을 만들 때만 선택할 수 있습니다.',
  },
  remediation: {
    why: {
      en: 'Data at rest is not protected by a key you control, which most compliance frameworks require.',
      ko: '저장된 데이터가 통제하는 키로 보호되지 않으며, 대부분의 규정 준수 기준이 이를 요구합니다.',
    },
    steps: {
      en: [
        'Create a new, encrypted file system (Amazon EFS → Create file system → Customize → Enable encryption of data at rest).',
        'Copy the data across (AWS DataSync, or AWS Backup restore to the new file system), switch the mount targets of the clients, then delete the old file system.',
      ],
      ko: [
        '암호화된 파일 시스템을 새로 만드세요(Amazon EFS → 파일 시스템 생성 → 사용자 지정 → 저장 데이터 암호화 활성화).',
        '데이터를 옮긴 뒤(AWS DataSync 또는 AWS Backup으로 새 파일 시스템에 복원) 클라이언트의 마운트 대상을 바꾸고 기존 파일 시스템을 삭제하세요.',
      ],
    },
    commands: [
      'aws efs create-file-system --encrypted --creation-token {{resourceId}}-encrypted --region {{region}}',
    ],
    iac: { kind: 'terraform', code: 'encrypted = true' },
  },
  docs: ['https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html'],
  compliance: { cis: ['2.3.1'], fsbp: ['EFS.1'], ismsp: ['2.7.1'] },
  requires: ['efs.file-systems'],
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'efs.file-systems', (fs) => {
      const name = fs.name ?? fs.fileSystemId;
      return passOrFail(
        fs.encrypted,
        {
          en: `File system ${name} is encrypted at rest.`,
          ko: `파일 시스템 ${name}${particle(name, '은/는')} 저장 시 암호화됩니다.`,
        },
        {
          en: `File system ${name} is not encrypted at rest.`,
          ko: `파일 시스템 ${name}${particle(name, '은/는')} 저장 시 암호화되지 않습니다.`,
        },
      );
    });
  },
});
