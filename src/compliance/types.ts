import type { ComplianceFrameworkId } from '../core/compliance.js';
import type { LocalizedText } from '../core/services.js';

/** One control of a framework: its id, the section it sits in and a short title of our own. */
export interface ComplianceControl {
  id: string;
  section: string;
  title: LocalizedText;
}

export interface ComplianceFramework {
  id: ComplianceFrameworkId;
  name: LocalizedText;
  version: string;
  /** Korean is the framework's own language: show the Korean title first in every language. */
  koreanFirst?: boolean;
  /** Section id → its name, in the order the framework lists them. */
  sections: Record<string, LocalizedText>;
  controls: readonly ComplianceControl[];
}

/** Shorthand for the catalogue files: [id, section, en, ko] (ISMS-P: see ismsp-2023.ts). */
export type ControlRow = readonly [id: string, section: string, en: string, ko: string];

export function controlsFrom(rows: readonly ControlRow[]): ComplianceControl[] {
  return rows.map(([id, section, en, ko]) => ({ id, section, title: { en, ko } }));
}
