import type { ComplianceFrameworkId } from '../../core/compliance.js';
import type { ComplianceControl, ComplianceFramework } from '../types.js';
import { cisV5 } from './cis-v5.js';
import { fsbp } from './fsbp.js';
import { ismsp2023 } from './ismsp-2023.js';

export const FRAMEWORKS: Record<ComplianceFrameworkId, ComplianceFramework> = {
  cis: cisV5,
  fsbp,
  ismsp: ismsp2023,
};

/** Control id → control, per framework (for validating mappings and looking up titles). */
export function controlIndex(framework: ComplianceFramework): Map<string, ComplianceControl> {
  return new Map(framework.controls.map((c) => [c.id, c]));
}
