import type { ComplianceMapping } from '../core/compliance.js';

/**
 * Mappings for the part-2 checks (CHECKS.md part 2) that other branches are building. The lead
 * moves each entry into its check's `compliance` field when the check lands and deletes it here;
 * src/compliance/mapping.test.ts validates these ids too and fails if an entry's check already
 * exists (so a landed check cannot keep two mappings).
 */
export const PENDING_CHECK_MAPPINGS: Readonly<Record<string, ComplianceMapping>> = {};
