import { describe, expect, it } from 'vitest';
import { stepStates } from './GettingStarted';

describe('getting-started step states', () => {
  it('a fresh user: connect is next, the rest to do', () => {
    expect(stepStates({ connect: false, collect: false, advise: false })).toEqual({
      connect: 'next',
      collect: 'todo',
      advise: 'todo',
    });
  });

  it('each done step moves the call to action to the first step not done', () => {
    expect(stepStates({ connect: true, collect: false, advise: false })).toEqual({
      connect: 'done',
      collect: 'next',
      advise: 'todo',
    });
    expect(stepStates({ connect: true, collect: true, advise: false })).toEqual({
      connect: 'done',
      collect: 'done',
      advise: 'next',
    });
    expect(stepStates({ connect: true, collect: true, advise: true })).toEqual({
      connect: 'done',
      collect: 'done',
      advise: 'done',
    });
  });

  it('an advisor run that collected on its own marks collect done too; a lost connection is next again', () => {
    expect(stepStates({ connect: false, collect: true, advise: true })).toEqual({
      connect: 'next',
      collect: 'done',
      advise: 'done',
    });
  });
});
