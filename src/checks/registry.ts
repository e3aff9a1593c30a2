import { readdirSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CheckSummary } from '../core/findings.js';
import type { CollectorId } from '../core/records.js';
import { SERVICE_IDS, type ServiceId } from '../core/services.js';
import type { AnyCheck } from './lib/run-checks.js';

/** Folders under src/checks that are not check folders. */
const NON_CHECK_FOLDERS = new Set(['lib']);
/** Folders allowed beside the service folders, mapped to the service their checks belong to. */
const FOLDER_ALIASES: Record<string, ServiceId> = { ebs: 'ec2', vpc: 'ec2' };

export interface DiscoveredCheckFile {
  folder: string;
  fileId: string;
  path: string;
}

/** Every check module file: src/checks/<folder>/<id>.ts, tests and declarations excluded (tsx runs the sources). */
export function discoverCheckFiles(root = dirname(fileURLToPath(import.meta.url))): DiscoveredCheckFile[] {
  const files: DiscoveredCheckFile[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || NON_CHECK_FOLDERS.has(entry.name)) continue;
    for (const file of readdirSync(join(root, entry.name))) {
      if (!file.endsWith('.ts') || /\.(test|spec)\.ts$/.test(file) || file.endsWith('.d.ts')) continue;
      files.push({ folder: entry.name, fileId: parse(file).name, path: join(root, entry.name, file) });
    }
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** The service a folder's checks must declare (ebs → ec2). */
export function serviceOfFolder(folder: string): ServiceId | undefined {
  if (folder in FOLDER_ALIASES) return FOLDER_ALIASES[folder];
  return (SERVICE_IDS as readonly string[]).includes(folder) ? (folder as ServiceId) : undefined;
}

function isCheckDefinition(value: unknown): value is AnyCheck {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<AnyCheck>;
  return typeof v.id === 'string' && typeof v.evaluate === 'function' && Array.isArray(v.requires);
}

/** Imports each discovered file's default export; a file without a check definition is an error. */
export async function loadChecks(files = discoverCheckFiles()): Promise<AnyCheck[]> {
  const checks: AnyCheck[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(file.path).href)) as { default?: unknown };
    if (!isCheckDefinition(mod.default)) {
      throw new Error(`${file.path} must export default defineCheck({...})`);
    }
    checks.push(mod.default);
  }
  return checks;
}

/** Every check, discovered from src/checks/<service>/<id>.ts (one file per check). */
export const allChecks: AnyCheck[] = await loadChecks();

export function checkSummaries(checks: readonly AnyCheck[] = allChecks): CheckSummary[] {
  return checks.map((c) => ({
    id: c.id,
    service: c.service,
    category: c.category,
    severity: c.severity,
    title: c.title,
    failureLabel: c.failureLabel,
    description: c.description,
    remediation: c.remediation,
    docs: c.docs,
  }));
}

/** The collectors the checks of these services need (what an advisor run must collect). */
export function requiredCollectors(services: readonly ServiceId[], checks = allChecks): CollectorId[] {
  const wanted = new Set(services);
  const ids = new Set<CollectorId>();
  for (const check of checks) {
    if (wanted.has(check.service)) for (const id of check.requires) ids.add(id);
  }
  return [...ids].sort();
}
