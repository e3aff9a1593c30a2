import type { z } from 'zod';
import { regionPlaceName } from '../../core/regions';
import type { RegionsResponse } from '../../shared/api/collections';

type RegionsAnswer = z.infer<typeof RegionsResponse>;
type Lang = 'ko' | 'en';

/** What a form sends: every enabled region, or a chosen list. */
export type RegionSelection = 'all-enabled' | string[];

export interface RegionOption {
  name: string;
  /** "Seoul" / "서울" in the page's language; undefined for a region the table does not know. */
  place: string | undefined;
  enabled: boolean;
  home: boolean;
}

export interface RegionGroups {
  /** The account's enabled regions, the home region first, then by id. */
  enabled: RegionOption[];
  /** The rest of the partition's regions (not opted in): shown apart, not selectable. */
  other: RegionOption[];
}

/** Lower case without accents, so "sao" finds São Paulo. */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** A region matches when its id or its name in either language contains the query. */
export function matchesRegion(name: string, query: string): boolean {
  const q = fold(query.trim());
  if (!q) return true;
  return [name, regionPlaceName(name, 'ko') ?? '', regionPlaceName(name, 'en') ?? ''].some((text) =>
    fold(text).includes(q),
  );
}

/** The regions of the answer that match `query`, split into enabled first and the others. */
export function groupRegions(answer: RegionsAnswer, lang: Lang, query = ''): RegionGroups {
  const home = answer.homeRegion;
  const options = answer.regions
    .filter((r) => matchesRegion(r.name, query))
    .map((r) => ({
      name: r.name,
      place: regionPlaceName(r.name, lang),
      enabled: r.enabled,
      home: r.name === home,
    }))
    .sort((a, b) => Number(b.home) - Number(a.home) || a.name.localeCompare(b.name));
  return { enabled: options.filter((o) => o.enabled), other: options.filter((o) => !o.enabled) };
}

/** What is proposed before the user picks: the home region when enabled, else the first enabled one. */
export function initialRegions(answer: RegionsAnswer): string[] {
  const enabled = answer.regions.filter((r) => r.enabled).map((r) => r.name);
  const home = answer.homeRegion;
  if (home && enabled.includes(home)) return [home];
  return enabled.slice(0, 1);
}

/** Adds or removes `names` in `selected`, keeping the answer's enabled regions only, in its order. */
export function toggleRegions(
  answer: RegionsAnswer,
  selected: readonly string[],
  names: readonly string[],
  on: boolean,
): string[] {
  const known = answer.regions.filter((r) => r.enabled).map((r) => r.name);
  const next = new Set(selected);
  for (const name of names) {
    if (!on) next.delete(name);
    else if (known.includes(name)) next.add(name);
  }
  // A saved region the account no longer lists is kept, so editing a schedule never drops it silently.
  return [...known.filter((n) => next.has(n)), ...[...next].filter((n) => !known.includes(n))];
}

/** Nothing to send yet: regions still loading, or every chosen region cleared. */
export function noRegionChosen(value: RegionSelection | null): value is null | [] {
  return value === null || (Array.isArray(value) && value.length === 0);
}
