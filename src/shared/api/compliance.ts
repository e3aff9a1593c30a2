import { z } from 'zod';
import { COMPLIANCE_FRAMEWORK_IDS, CONTROL_STATUSES } from '../../core/compliance.js';
import { LANGS } from '../../core/services.js';
import { LocalizedTextSchema } from './advisor.js';

/**
 * GET /api/advisor/runs/:runId/compliance?framework=cis|fsbp|ismsp — each control of the framework
 * with its status in the run, the checks that evidence it and their failing resources; the
 * controls no check maps to are `manual`.
 */
export const ComplianceFrameworkIdSchema = z.enum(COMPLIANCE_FRAMEWORK_IDS);
export const ControlStatusSchema = z.enum(CONTROL_STATUSES);

export const ComplianceQuery = z.object({ framework: ComplianceFrameworkIdSchema.default('cis') });
export type ComplianceQuery = z.infer<typeof ComplianceQuery>;

/**
 * GET …/compliance/report: the CSV (`framework, controlId, title, status, checkIds,
 * failedResources`, titles in `lang`) or the JSON view. The PDF's compliance section is in the
 * run's merged advisor PDF (…/report?format=pdf).
 */
export const ComplianceReportQuery = ComplianceQuery.extend({
  format: z.enum(['csv', 'json']).default('csv'),
  lang: z.enum(LANGS).default('en'),
});

const count = z.number().int().nonnegative();
export const ControlCountsSchema = z.object({ pass: count, fail: count, unknown: count, manual: count });

export const FailedResourceSchema = z.object({
  checkId: z.string(),
  resourceId: z.string(),
  resourceName: z.string().optional(),
  region: z.string(),
});

export const ControlCheckSchema = z.object({
  checkId: z.string(),
  /** The check's desired-state title; absent for a check this server no longer has. */
  title: LocalizedTextSchema.optional(),
  status: z.enum(['pass', 'fail', 'unknown', 'not_run']),
  passed: count,
  failed: count,
  unknown: count,
  failedResources: z.array(FailedResourceSchema),
});

export const ControlResultSchema = z.object({
  id: z.string(),
  section: z.string(),
  title: LocalizedTextSchema,
  status: ControlStatusSchema,
  checks: z.array(ControlCheckSchema),
  failedResources: z.array(FailedResourceSchema),
});
export type ControlResultDto = z.infer<typeof ControlResultSchema>;

export const ComplianceTrendPoint = z.object({
  runId: z.string(),
  requestedAt: z.string(),
  counts: ControlCountsSchema,
  passShare: z.number().min(0).max(1).nullable(),
});

export const ComplianceResponse = z.object({
  framework: z.object({
    id: ComplianceFrameworkIdSchema,
    name: LocalizedTextSchema,
    version: z.string(),
    /** ISMS-P: show the Korean title first whatever the page language. */
    koreanFirst: z.boolean(),
    sections: z.array(z.object({ id: z.string(), title: LocalizedTextSchema })),
  }),
  run: z.object({ runId: z.string(), requestedAt: z.string(), accountId: z.string().optional() }),
  counts: ControlCountsSchema,
  /** pass ÷ (pass + fail + unknown); manual controls are left out. Null when nothing was judged. */
  passShare: z.number().min(0).max(1).nullable(),
  controls: z.array(ControlResultSchema),
  /** The account's completed runs up to this one, oldest first (at most 10). */
  trend: z.array(ComplianceTrendPoint),
});
export type ComplianceResponse = z.infer<typeof ComplianceResponse>;
