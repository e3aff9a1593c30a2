import {
  describeRule,
  evaluateGroups,
  ruleCoversPort,
  SG_DOCS,
  sgRemediation,
} from '../lib/security-groups.js';
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
  remediation: sgRemediation('--protocol tcp --port 3306 --cidr 0.0.0.0/0'),
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
        return open.length > 0 ? `${describeRule(rule)} (${open.join(', ')})` : undefined;
      },
      { en: 'database ports', ko: '데이터베이스 포트' },
    );
  },
});
