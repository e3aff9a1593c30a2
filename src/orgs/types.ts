export type { MemberRoleCheck, OrgAccount, OrgDirectory, OrgUnit } from '../shared/api/orgs.js';
