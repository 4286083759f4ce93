import { decideSeed, seedEnabled } from '../../src/seed/decide';

describe('decideSeed', () => {
  it.each([
    [{ enabled: false, state: undefined, hasContent: false }, 'disabled'],
    [{ enabled: false, state: 'running', hasContent: true }, 'disabled'],
    [{ enabled: true, state: 'done', hasContent: false }, 'already-done'],
    [{ enabled: true, state: 'running', hasContent: true }, 'resume'],
    [{ enabled: true, state: undefined, hasContent: true }, 'has-content'],
    [{ enabled: true, state: undefined, hasContent: false }, 'start'],
  ] as const)('%j → %s', (input, expected) => {
    expect(decideSeed(input)).toBe(expected);
  });
});

describe('seedEnabled', () => {
  it.each([
    [{}, true],
    [{ NODE_ENV: 'development' }, true],
    [{ NODE_ENV: 'production' }, false],
    [{ NODE_ENV: 'production', SEED_SAMPLE_DATA: 'true' }, true],
    [{ SEED_SAMPLE_DATA: 'false' }, false],
    [{ SEED_SAMPLE_DATA: '0' }, false],
    [{ SEED_SAMPLE_DATA: 'YES' }, true],
  ])('%j → %s', (env, expected) => {
    expect(seedEnabled(env as NodeJS.ProcessEnv)).toBe(expected);
  });
});
