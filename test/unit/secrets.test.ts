import { describeSecretProblems, findSecretProblems, generateSecrets, SECRET_NAMES } from '../../src/env/secrets';

const good = generateSecrets(SECRET_NAMES);

describe('findSecretProblems', () => {
  it('accepts generated secrets', () => {
    expect(findSecretProblems(good)).toEqual([]);
  });

  it.each([
    ['missing', { ...good, JWT_SECRET: undefined }, { name: 'JWT_SECRET', reason: 'missing' }],
    ['empty', { ...good, JWT_SECRET: '  ' }, { name: 'JWT_SECRET', reason: 'missing' }],
    ["Strapi's template value", { ...good, ADMIN_JWT_SECRET: 'tobemodified' }, { name: 'ADMIN_JWT_SECRET', reason: 'example' }],
    ['one example app key', { ...good, APP_KEYS: `${good.JWT_SECRET},toBeModified2` }, { name: 'APP_KEYS', reason: 'example' }],
    ['change-me', { ...good, ENCRYPTION_KEY: 'please-change-me-now-long-enough' }, { name: 'ENCRYPTION_KEY', reason: 'example' }],
    ['too short', { ...good, API_TOKEN_SALT: 'abc123' }, { name: 'API_TOKEN_SALT', reason: 'too-short' }],
  ])('%s', (_case, env, problem) => {
    expect(findSecretProblems(env)).toEqual([problem]);
  });

  it('lists every problem at once', () => {
    expect(findSecretProblems({}).map((p) => p.name)).toEqual([...SECRET_NAMES]);
  });
});

describe('describeSecretProblems', () => {
  it('names each variable and why', () => {
    const text = describeSecretProblems([
      { name: 'APP_KEYS', reason: 'missing' },
      { name: 'JWT_SECRET', reason: 'example' },
    ]);
    expect(text).toMatch(/Refusing to start in production/);
    expect(text).toMatch(/APP_KEYS is not set/);
    expect(text).toMatch(/JWT_SECRET still has an example value/);
  });
});

describe('generateSecrets', () => {
  it('makes distinct values and several app keys', () => {
    const a = generateSecrets(SECRET_NAMES);
    const b = generateSecrets(SECRET_NAMES);
    expect(a.JWT_SECRET).not.toBe(b.JWT_SECRET);
    expect(a.APP_KEYS.split(',')).toHaveLength(4);
  });
});
