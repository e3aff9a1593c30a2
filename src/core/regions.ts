/**
 * AWS regions as people read them: the partition a region belongs to, and its place name in
 * Korean and English (one table, both languages). Region ids are never translated; the names only
 * help people find "Seoul" without remembering `ap-northeast-2`. A region missing from the table
 * (a new one) still works everywhere, it just shows its id alone.
 */
export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

/** cn-* regions are China, us-gov-* GovCloud; everything else the commercial partition. */
export function partitionOf(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

interface RegionNames {
  readonly ko: string;
  readonly en: string;
}

/** Place names as the AWS console shows them in each language. */
export const REGION_NAMES: Readonly<Record<string, RegionNames>> = {
  'us-east-1': { ko: '버지니아 북부', en: 'N. Virginia' },
  'us-east-2': { ko: '오하이오', en: 'Ohio' },
  'us-west-1': { ko: '캘리포니아 북부', en: 'N. California' },
  'us-west-2': { ko: '오레곤', en: 'Oregon' },
  'af-south-1': { ko: '케이프타운', en: 'Cape Town' },
  'ap-east-1': { ko: '홍콩', en: 'Hong Kong' },
  'ap-east-2': { ko: '타이베이', en: 'Taipei' },
  'ap-south-1': { ko: '뭄바이', en: 'Mumbai' },
  'ap-south-2': { ko: '하이데라바드', en: 'Hyderabad' },
  'ap-southeast-1': { ko: '싱가포르', en: 'Singapore' },
  'ap-southeast-2': { ko: '시드니', en: 'Sydney' },
  'ap-southeast-3': { ko: '자카르타', en: 'Jakarta' },
  'ap-southeast-4': { ko: '멜버른', en: 'Melbourne' },
  'ap-southeast-5': { ko: '말레이시아', en: 'Malaysia' },
  'ap-southeast-6': { ko: '뉴질랜드', en: 'New Zealand' },
  'ap-southeast-7': { ko: '태국', en: 'Thailand' },
  'ap-northeast-1': { ko: '도쿄', en: 'Tokyo' },
  'ap-northeast-2': { ko: '서울', en: 'Seoul' },
  'ap-northeast-3': { ko: '오사카', en: 'Osaka' },
  'ca-central-1': { ko: '캐나다 중부', en: 'Canada (Central)' },
  'ca-west-1': { ko: '캘거리', en: 'Calgary' },
  'eu-central-1': { ko: '프랑크푸르트', en: 'Frankfurt' },
  'eu-central-2': { ko: '취리히', en: 'Zurich' },
  'eu-west-1': { ko: '아일랜드', en: 'Ireland' },
  'eu-west-2': { ko: '런던', en: 'London' },
  'eu-west-3': { ko: '파리', en: 'Paris' },
  'eu-south-1': { ko: '밀라노', en: 'Milan' },
  'eu-south-2': { ko: '스페인', en: 'Spain' },
  'eu-north-1': { ko: '스톡홀름', en: 'Stockholm' },
  'il-central-1': { ko: '텔아비브', en: 'Tel Aviv' },
  'me-south-1': { ko: '바레인', en: 'Bahrain' },
  'me-central-1': { ko: '아랍에미리트', en: 'UAE' },
  'mx-central-1': { ko: '멕시코 중부', en: 'Mexico (Central)' },
  'sa-east-1': { ko: '상파울루', en: 'São Paulo' },
  'us-gov-west-1': { ko: 'GovCloud 미국 서부', en: 'GovCloud (US-West)' },
  'us-gov-east-1': { ko: 'GovCloud 미국 동부', en: 'GovCloud (US-East)' },
  'cn-north-1': { ko: '베이징', en: 'Beijing' },
  'cn-northwest-1': { ko: '닝샤', en: 'Ningxia' },
};

/** The regions this table knows in one partition (the fallback list when AWS cannot be asked). */
export function knownRegions(partition: Partition): string[] {
  return Object.keys(REGION_NAMES).filter((region) => partitionOf(region) === partition);
}

/** "Seoul" / "서울", or undefined for a region the table does not know. */
export function regionPlaceName(region: string, lang: 'ko' | 'en'): string | undefined {
  return REGION_NAMES[region]?.[lang];
}
