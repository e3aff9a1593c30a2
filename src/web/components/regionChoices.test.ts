import { describe, expect, it } from 'vitest';
import { knownRegions, partitionOf, REGION_NAMES } from '../../core/regions';
import { groupRegions, initialRegions, matchesRegion, noRegionChosen, toggleRegions } from './regionChoices';

const answer = {
  source: 'aws' as const,
  partition: 'aws' as const,
  homeRegion: 'us-east-1',
  regions: [
    { name: 'af-south-1', optInStatus: 'not-opted-in', enabled: false },
    { name: 'ap-northeast-2', optInStatus: 'opt-in-not-required', enabled: true },
    { name: 'eu-west-1', optInStatus: 'opt-in-not-required', enabled: true },
    { name: 'me-south-1', optInStatus: 'opted-in', enabled: true },
    { name: 'sa-east-1', optInStatus: 'opt-in-not-required', enabled: true },
    { name: 'us-east-1', optInStatus: 'opt-in-not-required', enabled: true },
  ],
};
const names = (options: { name: string }[]) => options.map((o) => o.name);

describe('region picker choices', () => {
  it('lists enabled regions first with the home region on top, the rest apart', () => {
    const groups = groupRegions(answer, 'en');
    expect(names(groups.enabled)).toEqual([
      'us-east-1',
      'ap-northeast-2',
      'eu-west-1',
      'me-south-1',
      'sa-east-1',
    ]);
    expect(groups.enabled[0]).toMatchObject({ home: true, place: 'N. Virginia' });
    expect(names(groups.other)).toEqual(['af-south-1']);
    expect(groupRegions(answer, 'ko').enabled.find((o) => o.name === 'ap-northeast-2')?.place).toBe('서울');
  });

  it('filters by id or by place name in either language, ignoring case and accents', () => {
    expect(names(groupRegions(answer, 'en', 'seoul').enabled)).toEqual(['ap-northeast-2']);
    expect(names(groupRegions(answer, 'en', '서울').enabled)).toEqual(['ap-northeast-2']);
    expect(names(groupRegions(answer, 'ko', 'Sao').enabled)).toEqual(['sa-east-1']);
    expect(names(groupRegions(answer, 'ko', 'EU-').enabled)).toEqual(['eu-west-1']);
    expect(groupRegions(answer, 'ko', '케이프').other.map((o) => o.name)).toEqual(['af-south-1']);
    expect(groupRegions(answer, 'en', 'nowhere')).toEqual({ enabled: [], other: [] });
    expect(matchesRegion('us-west-2', '  ')).toBe(true);
  });

  it('proposes the home region, or the first enabled one when home is not listed', () => {
    expect(initialRegions(answer)).toEqual(['us-east-1']);
    expect(initialRegions({ ...answer, homeRegion: 'af-south-1' })).toEqual(['ap-northeast-2']);
    const { homeRegion: _h, ...older } = answer; // an older server without homeRegion
    expect(initialRegions(older)).toEqual(['ap-northeast-2']);
    expect(initialRegions({ ...answer, regions: [] })).toEqual([]);
  });

  it('selects and clears in the answer order, never a region that is not enabled', () => {
    expect(toggleRegions(answer, ['us-east-1'], ['eu-west-1', 'ap-northeast-2'], true)).toEqual([
      'ap-northeast-2',
      'eu-west-1',
      'us-east-1',
    ]);
    expect(toggleRegions(answer, ['us-east-1', 'eu-west-1'], ['us-east-1'], false)).toEqual(['eu-west-1']);
    expect(toggleRegions(answer, [], ['af-south-1'], true)).toEqual([]);
    // A saved region the account no longer lists stays until the user removes it.
    expect(toggleRegions(answer, ['xx-gone-1'], ['us-east-1'], true)).toEqual(['us-east-1', 'xx-gone-1']);
    expect(noRegionChosen(null)).toBe(true);
    expect(noRegionChosen([])).toBe(true);
    expect(noRegionChosen('all-enabled')).toBe(false);
  });

  it('names every region in both languages and keeps China and GovCloud in their partitions', () => {
    for (const [region, place] of Object.entries(REGION_NAMES)) {
      expect(place.ko, region).toMatch(/[가-힣]/);
      expect(place.en, region).toMatch(/^[A-Z]/);
    }
    expect(knownRegions('aws').some((r) => r.startsWith('cn-') || r.startsWith('us-gov-'))).toBe(false);
    expect(knownRegions('aws-cn')).toEqual(['cn-north-1', 'cn-northwest-1']);
    expect(knownRegions('aws-us-gov')).toEqual(['us-gov-west-1', 'us-gov-east-1']);
    expect(partitionOf('ap-northeast-2')).toBe('aws');
  });
});
