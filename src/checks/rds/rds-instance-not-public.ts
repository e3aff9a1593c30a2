import { particle } from '../../core/korean.js';
import { rdsVerdict } from '../lib/rds.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'rds-instance-not-public',
  service: 'rds',
  category: 'security',
  severity: 'critical',
  title: { en: 'RDS instances are not publicly accessible', ko: 'RDS 인스턴스가 퍼블릭 액세스 불가' },
  failureLabel: { en: 'Publicly accessible RDS instances', ko: '퍼블릭 액세스가 가능한 RDS 인스턴스' },
  description: {
    en: 'PubliclyAccessible gives the instance a public DNS name that resolves to a public IP; one permissive security-group rule then exposes the database to the internet.',
    ko: 'PubliclyAccessible이 켜지면 인스턴스의 DNS 이름이 퍼블릭 IP로 해석되어, 보안 그룹 규칙 하나만 느슨해도 데이터베이스가 인터넷에 노출됩니다.',
  },
  remediation: {
    why: {
      en: 'A publicly accessible database gets an internet address; only its security group and password stand between it and attackers.',
      ko: '퍼블릭 액세스가 가능한 데이터베이스는 인터넷 주소를 받아, 보안 그룹과 암호만이 공격자를 막게 됩니다.',
    },
    steps: {
      en: [
        'RDS → Databases → select → Modify → Connectivity → Additional configuration → Not publicly accessible → Continue → Apply immediately.',
        'Reach it through a VPN, a bastion or Session Manager port forwarding.',
      ],
      ko: [
        'RDS → 데이터베이스 → 선택 → 수정 → 연결 → 추가 구성 → 퍼블릭 액세스 불가 → 계속 → 즉시 적용.',
        'VPN, 배스천 호스트, Session Manager 포트 포워딩으로 접속하세요.',
      ],
    },
    commands: [
      'aws rds modify-db-instance --db-instance-identifier {{resourceId}} --no-publicly-accessible --apply-immediately --region {{region}}',
    ],
    iac: { kind: 'terraform', code: 'publicly_accessible = false' },
  },
  compliance: { cis: ['2.2.3'], fsbp: ['RDS.2'], ismsp: ['2.6.1', '2.6.4'] },
  docs: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html'],
  requires: ['rds.instances'],
  settings: {},
  evaluate(ctx) {
    return ctx.records('rds.instances').map((db) =>
      rdsVerdict(
        db,
        !db.publiclyAccessible,
        {
          en: `${db.dbInstanceIdentifier} is not publicly accessible.`,
          ko: `${db.dbInstanceIdentifier}${particle(db.dbInstanceIdentifier, '은/는')} 퍼블릭 액세스가 불가능합니다.`,
        },
        {
          en: `${db.dbInstanceIdentifier} is publicly accessible (PubliclyAccessible=true; security groups ${db.vpcSecurityGroupIds.join(', ') || 'none'}): turn public access off.`,
          ko: `${db.dbInstanceIdentifier}${particle(db.dbInstanceIdentifier, '은/는')} 퍼블릭 액세스가 가능합니다 (PubliclyAccessible=true, 보안 그룹 ${db.vpcSecurityGroupIds.join(', ') || '없음'}). 퍼블릭 액세스를 끄세요.`,
        },
      ),
    );
  },
});
