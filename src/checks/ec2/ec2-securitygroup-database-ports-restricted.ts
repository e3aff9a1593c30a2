import { describeRule, evaluateGroups, ruleCoversPort, SG_DOCS } from '../lib/security-groups.js';
import { defineCheck } from '../types.js';

/** SQL Server, Oracle, MySQL, PostgreSQL, Redshift, Redis, Elasticsearch, Memcached, MongoDB. */
const DATABASE_PORTS = [1433, 1521, 3306, 5432, 5439, 6379, 9200, 11211, 27017];

export default defineCheck({
  id: 'ec2-securitygroup-database-ports-restricted',
  service: 'ec2',
  category: 'security',
  severity: 'high',
  title: {
    en: 'Security groups do not open database ports to the internet',
    ko: '보안 그룹이 데이터베이스 포트를 인터넷에 열지 않음',
  },
  failureLabel: {
    en: 'Security groups open to database ports from the internet',
    ko: '데이터베이스 포트를 인터넷에 연 보안 그룹',
  },
  description: {
    en: `Database and cache ports (${DATABASE_PORTS.join(', ')}) open to 0.0.0.0/0 or ::/0 invite data theft and ransom attacks; databases belong in private subnets.`,
    ko: `데이터베이스·캐시 포트(${DATABASE_PORTS.join(', ')})가 0.0.0.0/0 또는 ::/0 에 열려 있으면 데이터 탈취와 랜섬 공격의 대상이 됩니다. 데이터베이스는 프라이빗 서브넷에 두세요.`,
  },
  remediation: {
    why: {
      en: 'Databases reachable from the internet are found by scanners quickly and attacked with stolen or default passwords.',
      ko: '인터넷에서 접근 가능한 데이터베이스는 스캐너에 금방 발견되고, 유출되거나 기본값인 암호로 공격받습니다.',
    },
    steps: {
      en: [
        "EC2 → Security Groups → select the group → Inbound rules → Edit inbound rules → change the source from 0.0.0.0/0 or ::/0 to the application's security group (or delete the rule) → Save rules.",
        'Replace 3306 in the command with the open port the finding names.',
      ],
      ko: [
        'EC2 → 보안 그룹 → 그룹 선택 → 인바운드 규칙 → 인바운드 규칙 편집 → 소스를 0.0.0.0/0 또는 ::/0에서 애플리케이션의 보안 그룹으로 변경(또는 규칙 삭제) → 규칙 저장.',
        '명령의 3306은 발견 항목에 나온 열린 포트로 바꾸세요.',
      ],
    },
    commands: [
      'aws ec2 revoke-security-group-ingress --group-id {{resourceId}} --protocol tcp --port 3306 --cidr 0.0.0.0/0 --region {{region}}',
    ],
  },
  compliance: { fsbp: ['EC2.19'], ismsp: ['2.6.1', '2.6.4'] },
  docs: SG_DOCS,
  requires: ['ec2.security-groups'],
  settings: {},
  evaluate(ctx) {
    return evaluateGroups(
      ctx.records('ec2.security-groups'),
      (rule) => {
        // Memcached also listens on UDP 11211 (amplification attacks), so UDP counts too.
        const open = DATABASE_PORTS.filter(
          (p) => ruleCoversPort(rule, 'tcp', p) || ruleCoversPort(rule, 'udp', p),
        );
        if (open.length === 0) return undefined;
        const described = describeRule(rule);
        return { en: `${described.en} (${open.join(', ')})`, ko: `${described.ko} (${open.join(', ')})` };
      },
      { en: 'database ports', ko: '데이터베이스 포트' },
    );
  },
});
