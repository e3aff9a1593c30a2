import { describe, expect, it } from 'vitest';
import { particle, withParticle } from './korean.js';

describe('Korean particles after run-time words', () => {
  it('follows the final consonant of a Hangul syllable', () => {
    expect(withParticle('버킷', '을/를')).toBe('버킷을');
    expect(withParticle('인스턴스', '을/를')).toBe('인스턴스를');
    expect(withParticle('정책', '이/가')).toBe('정책이');
    expect(withParticle('역할', '으로/로')).toBe('역할로'); // ㄹ takes 로
    expect(withParticle('볼륨', '으로/로')).toBe('볼륨으로');
    expect(withParticle('트래픽', '과/와')).toBe('트래픽과');
  });

  it('reads digits and Latin letters by their Korean names', () => {
    expect(particle('i-0abc', '은/는')).toBe('는'); // 씨
    expect(particle('web-1', '은/는')).toBe('은'); // 일
    expect(particle('db-2', '이/가')).toBe('가'); // 이
    expect(particle('prod-db', '을/를')).toBe('를'); // 디
    expect(particle('my-bucket-all', '을/를')).toBe('을'); // 엘
    expect(particle('alarm', '이/가')).toBe('이'); // 엠
    expect(particle('anyone', '이/가')).toBe('가'); // 이
    expect(particle('gp3', '으로/로')).toBe('으로'); // 삼
    expect(particle('port-7', '으로/로')).toBe('로'); // 칠
  });

  it('skips a trailing parenthetical and quotes', () => {
    expect(particle('web-1 (i-0abc)', '은/는')).toBe('은');
    expect(particle('“버킷”', '이/가')).toBe('이');
    expect(particle('', '을/를')).toBe('를');
  });
});
