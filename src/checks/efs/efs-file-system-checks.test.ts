/** Both EFS checks: encryption at rest and the backup policy. */
import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { efsFileSystem } from '../testing-store.js';
import backup from './efs-file-system-backup-enabled.js';
import encrypted from './efs-file-system-encrypted.js';

describe('efs-file-system-encrypted', () => {
  it('passes an encrypted file system and fails an unencrypted one', () => {
    const findings = evaluate(
      encrypted,
      fixtureSnapshot({
        'efs.file-systems': [efsFileSystem('fs-1'), efsFileSystem('fs-2', { encrypted: false })],
      }),
    );
    expect(findingFor(findings, 'fs-1').status).toBe('pass');
    const plain = findingFor(findings, 'fs-2');
    expect(plain.status).toBe('fail');
    expect(plain.message.ko).toBe('파일 시스템 fs-2는 저장 시 암호화되지 않습니다.');
  });
});

describe('efs-file-system-backup-enabled', () => {
  it('passes ENABLED; fails DISABLED and no policy; unknown when DescribeBackupPolicy failed', () => {
    const denied = efsFileSystem('fs-4', {
      backupPolicyStatus: undefined,
      fieldErrors: {
        backupPolicyStatus: {
          operation: 'DescribeBackupPolicy',
          code: 'AccessDeniedException',
          message: 'x',
        },
      },
    });
    const findings = evaluate(
      backup,
      fixtureSnapshot({
        'efs.file-systems': [
          efsFileSystem('fs-1'),
          efsFileSystem('fs-2', { backupPolicyStatus: 'DISABLED' }),
          efsFileSystem('fs-3', { backupPolicyStatus: null }),
          denied,
        ],
      }),
    );
    expect(findingFor(findings, 'fs-1').status).toBe('pass');
    expect(findingFor(findings, 'fs-2').status).toBe('fail');
    const none = findingFor(findings, 'fs-3');
    expect(none.status).toBe('fail');
    expect(none.message.ko).toContain('백업 정책 없음');
    expect(findingFor(findings, 'fs-4').status).toBe('unknown');
  });
});
