/**
 * Korean particles after words only known at run time (resource names, ids, numbers), so messages
 * read "web-1은", "bucket-2를" instead of "web-1은(는)". The particle follows how the last
 * character is read aloud: a Hangul syllable by its final consonant, a digit or a Latin letter by
 * its Korean name (1 일, 3 삼, l 엘, m 엠, n 엔, r 알 end in a consonant). A trailing parenthetical
 * ("web-1 (i-0abc)") is skipped: the particle agrees with the word before it.
 *
 * No npm package covers digits and Latin letters this way (es-hangul's josa reads Hangul only), and
 * the rule is a dozen lines.
 */
export type ParticlePair = '은/는' | '이/가' | '을/를' | '과/와' | '으로/로' | '이나/나' | '이라/라';

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
/** Final consonant ㄹ: the one that takes 로 rather than 으로. */
const RIEUL = 8;
/** Digits and Latin letters whose Korean reading ends in a consonant, with ㄹ ones marked. */
const CONSONANT_ENDING: Record<string, 'final' | 'rieul'> = {
  '0': 'final', // 영
  '1': 'rieul', // 일
  '3': 'final', // 삼
  '6': 'final', // 육
  '7': 'rieul', // 칠
  '8': 'rieul', // 팔
  l: 'rieul', // 엘
  m: 'final', // 엠
  n: 'final', // 엔
  r: 'rieul', // 알
};

/** The character the particle agrees with: the last one before closing brackets, quotes and a final parenthetical. */
function lastSpoken(word: string | number | undefined): string | undefined {
  let text = String(word ?? '').trim();
  for (;;) {
    const stripped = text.replace(/\s*\([^()]*\)$/, '').replace(/["'”’」』\]\s]+$/, '');
    if (stripped === text || stripped === '') break;
    text = stripped;
  }
  return text.at(-1);
}

function ending(char: string | undefined): 'none' | 'final' | 'rieul' {
  if (!char) return 'none';
  const code = char.charCodeAt(0);
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) {
    const final = (code - HANGUL_FIRST) % 28;
    return final === 0 ? 'none' : final === RIEUL ? 'rieul' : 'final';
  }
  return CONSONANT_ENDING[char.toLowerCase()] ?? 'none';
}

/** The particle alone: `${name}${particle(name, '을/를')}`. */
export function particle(word: string | number | undefined, pair: ParticlePair): string {
  const [withFinal, withoutFinal] = pair.split('/') as [string, string];
  const end = ending(lastSpoken(word));
  if (pair === '으로/로') return end === 'final' ? withFinal : withoutFinal;
  return end === 'none' ? withoutFinal : withFinal;
}

/** The word followed by its particle: withParticle('버킷', '을/를') → '버킷을'. */
export function withParticle(word: string, pair: ParticlePair): string {
  return `${word}${particle(word, pair)}`;
}
