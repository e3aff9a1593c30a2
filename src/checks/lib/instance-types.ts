/**
 * Instance family data for right-sizing and generation checks. Dated: 2025-06-01.
 *
 * Previous-generation families follow AWS's "Previous generation instances" page as of that date
 * (https://aws.amazon.com/ec2/previous-generation/); t2, m4, c4 and r4 are included as this product
 * treats them as superseded (t3, m5/m6i, c5, r5 cost less for the same or better performance).
 * moto's CurrentGeneration flags are wrong, hence this table.
 */
export const INSTANCE_DATA_DATE = '2025-06-01';

/** Every size name in ascending order of capacity. */
export const SIZE_ORDER = [
  'nano',
  'micro',
  'small',
  'medium',
  'large',
  'xlarge',
  '2xlarge',
  '3xlarge',
  '4xlarge',
  '6xlarge',
  '8xlarge',
  '9xlarge',
  '10xlarge',
  '12xlarge',
  '16xlarge',
  '18xlarge',
  '24xlarge',
  '32xlarge',
  '48xlarge',
] as const;

const T = ['nano', 'micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'];
const GRAVITON = ['medium', 'large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'];
const GEN5 = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge'];
const GEN6I = [...GEN5, '32xlarge'];

/** Sizes that exist per EC2 family (metal sizes left out: they have no "one size down"). */
export const EC2_FAMILY_SIZES: Record<string, string[]> = {
  t1: ['micro'],
  t2: T,
  t3: T,
  t3a: T,
  t4g: T,
  m1: ['small', 'medium', 'large', 'xlarge'],
  m3: ['medium', 'large', 'xlarge', '2xlarge'],
  m4: ['large', 'xlarge', '2xlarge', '4xlarge', '10xlarge', '16xlarge'],
  m5: GEN5,
  m5a: GEN5,
  m6i: GEN6I,
  m6a: [
    'large',
    'xlarge',
    '2xlarge',
    '4xlarge',
    '8xlarge',
    '12xlarge',
    '16xlarge',
    '24xlarge',
    '32xlarge',
    '48xlarge',
  ],
  m6g: GRAVITON,
  m7i: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '48xlarge'],
  m7g: GRAVITON,
  c3: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge'],
  c4: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge'],
  c5: ['large', 'xlarge', '2xlarge', '4xlarge', '9xlarge', '12xlarge', '18xlarge', '24xlarge'],
  c5a: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge'],
  c6i: GEN6I,
  c6g: GRAVITON,
  c7g: GRAVITON,
  r3: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge'],
  r4: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '16xlarge'],
  r5: GEN5,
  r5a: GEN5,
  r6i: GEN6I,
  r6g: GRAVITON,
  r7g: GRAVITON,
};

/** Previous-generation EC2 family → current equivalent(s), first one recommended. */
export const EC2_PREVIOUS_GENERATION: Record<string, string[]> = {
  t1: ['t3'],
  t2: ['t3', 't4g'],
  m1: ['m5', 'm6i'],
  m2: ['r5', 'r6i'],
  m3: ['m5', 'm6i'],
  m4: ['m5', 'm6i'],
  c1: ['c5', 'c6i'],
  c3: ['c5', 'c6i'],
  c4: ['c5', 'c6i'],
  cc2: ['c5'],
  cg1: ['g4dn'],
  cr1: ['r5'],
  g2: ['g4dn'],
  g3: ['g4dn'],
  g3s: ['g4dn'],
  hi1: ['i3'],
  hs1: ['d3'],
  i2: ['i3', 'i4i'],
  d2: ['d3'],
  p2: ['p3'],
  r3: ['r5', 'r6i'],
  r4: ['r5', 'r6i'],
  x1: ['x2idn'],
  x1e: ['x2iedn'],
  a1: ['t4g', 'm6g'],
};

/** Sizes per RDS class family. */
export const RDS_CLASS_SIZES: Record<string, string[]> = {
  'db.t1': ['micro'],
  'db.t2': ['micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'],
  'db.t3': ['micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'],
  'db.t4g': ['micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'],
  'db.m1': ['small', 'medium', 'large', 'xlarge'],
  'db.m2': ['xlarge', '2xlarge', '4xlarge'],
  'db.m3': ['medium', 'large', 'xlarge', '2xlarge'],
  'db.m4': ['large', 'xlarge', '2xlarge', '4xlarge', '10xlarge', '16xlarge'],
  'db.m5': GEN5,
  'db.m6g': GRAVITON.slice(1),
  'db.m6i': GEN6I,
  'db.r3': ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge'],
  'db.r4': ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '16xlarge'],
  'db.r5': GEN5,
  'db.r6g': GRAVITON.slice(1),
  'db.r6i': GEN6I,
};

/** Previous-generation RDS class families → current equivalent(s). */
export const RDS_PREVIOUS_GENERATION: Record<string, string[]> = {
  'db.t1': ['db.t3', 'db.t4g'],
  'db.t2': ['db.t3', 'db.t4g'],
  'db.m1': ['db.m5', 'db.m6i'],
  'db.m2': ['db.r5', 'db.r6i'],
  'db.m3': ['db.m5', 'db.m6i'],
  'db.m4': ['db.m5', 'db.m6i'],
  'db.r3': ['db.r5', 'db.r6i'],
  'db.r4': ['db.r5', 'db.r6i'],
};

/** "m5.large" → { family: "m5", size: "large" }; "db.r5.xlarge" → { family: "db.r5", size: "xlarge" }. */
export function parseInstanceType(type: string): { family: string; size: string } | undefined {
  const dot = type.lastIndexOf('.');
  if (dot <= 0 || dot === type.length - 1) return undefined;
  return { family: type.slice(0, dot), size: type.slice(dot + 1) };
}

function smallerIn(table: Record<string, string[]>, type: string): string | undefined {
  const parsed = parseInstanceType(type);
  const sizes = parsed && table[parsed.family];
  if (!parsed || !sizes) return undefined;
  const index = sizes.indexOf(parsed.size);
  return index > 0 ? `${parsed.family}.${sizes[index - 1]}` : undefined;
}

/** True when the family and size are in the table (so "no smaller size" is a real answer). */
export function knownEc2Type(type: string): boolean {
  const p = parseInstanceType(type);
  return !!p && !!EC2_FAMILY_SIZES[p.family]?.includes(p.size);
}
export function knownRdsClass(type: string): boolean {
  const p = parseInstanceType(type);
  return !!p && !!RDS_CLASS_SIZES[p.family]?.includes(p.size);
}

/** One size down in the same EC2 family, or undefined when it is already the smallest / unknown. */
export function ec2OneSizeDown(type: string): string | undefined {
  return smallerIn(EC2_FAMILY_SIZES, type);
}
export function rdsOneSizeDown(instanceClass: string): string | undefined {
  return smallerIn(RDS_CLASS_SIZES, instanceClass);
}

/** The current-generation equivalent type (same size when that size exists), or undefined when current. */
function currentEquivalent(
  previous: Record<string, string[]>,
  sizes: Record<string, string[]>,
  type: string,
): { family: string; type?: string } | undefined {
  const parsed = parseInstanceType(type);
  const family = parsed && previous[parsed.family]?.[0];
  if (!parsed || !family) return undefined;
  return { family, type: sizes[family]?.includes(parsed.size) ? `${family}.${parsed.size}` : undefined };
}
export function ec2CurrentEquivalent(type: string) {
  return currentEquivalent(EC2_PREVIOUS_GENERATION, EC2_FAMILY_SIZES, type);
}
export function rdsCurrentEquivalent(instanceClass: string) {
  return currentEquivalent(RDS_PREVIOUS_GENERATION, RDS_CLASS_SIZES, instanceClass);
}
