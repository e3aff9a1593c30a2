import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app/compose.js';
import { accountRoutes } from './account.js';
import { advisorRoutes } from './advisor.js';
import { authRoutes } from './auth.js';
import { collectionRoutes } from './collections.js';
import { complianceRoutes } from './compliance.js';
import { connectionRoutes } from './connections.js';
import { dashboardRoutes } from './dashboard.js';
import { healthRoutes } from './health.js';
import { iamPolicyRoutes } from './iam-policy.js';
import { notifyRoutes } from './notify.js';
import { orgSetupRoutes } from './org-setup.js';
import { orgRoutes } from './orgs.js';
import { reportRoutes } from './reports.js';
import { resourceRoutes } from './resources.js';
import { scanRoutes } from './scans.js';
import { scheduleRoutes } from './schedules.js';
import { spendRoutes } from './spend.js';
import { tokenRoutes } from './tokens.js';

export type RoutePlugin = (app: FastifyInstance, deps: AppDeps) => Promise<void>;

/** Every route plugin of the API. Other parts APPEND theirs to this list. */
export const routePlugins: RoutePlugin[] = [
  healthRoutes,
  authRoutes,
  connectionRoutes,
  iamPolicyRoutes,
  collectionRoutes,
  advisorRoutes,
  reportRoutes,
  tokenRoutes,
  dashboardRoutes,
  accountRoutes,
  notifyRoutes,
  scheduleRoutes,
  spendRoutes,
  complianceRoutes,
  resourceRoutes,
  orgRoutes,
  scanRoutes,
  orgSetupRoutes,
];

export async function registerRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  for (const plugin of routePlugins) await plugin(app, deps);
}
