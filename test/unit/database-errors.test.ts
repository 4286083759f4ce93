import { isDatabaseUnavailable } from '../../src/utils/database-errors';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['connection refused', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['connection reset', withCode('ECONNRESET')],
    ['admin shutdown (57P01)', withCode('57P01', 'terminating connection due to administrator command')],
    ['crash shutdown (57P02)', withCode('57P02')],
    ['starting up (57P03)', withCode('57P03', 'the database system is starting up')],
    ['connection failure (08006)', withCode('08006')],
    ['connection does not exist (08003)', withCode('08003')],
    ['pg: terminated, no code', new Error('Connection terminated unexpectedly')],
    ['pg: client not queryable', new Error('Client has encountered a connection error and is not queryable')],
    ['knex pool timeout', Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' })],
    ['wrapped in cause', new Error('query failed', { cause: withCode('ECONNREFUSED') })],
    ['AggregateError of sockets', new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], '')],
  ])('%s → unavailable', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['unique violation (23505)', withCode('23505', 'duplicate key value violates unique constraint')],
    ['syntax error (42601)', withCode('42601')],
    ['undefined column (42703)', withCode('42703')],
    ['SQLite busy', withCode('SQLITE_BUSY', 'database is locked')],
    ['validation error', Object.assign(new Error('title must be at most 255 characters'), { name: 'ValidationError' })],
    ['not an error', 'ECONNREFUSED'],
    ['null', null],
    ['undefined', undefined],
  ])('%s → not unavailable', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('stops following a cause chain that loops', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    a.cause = a;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
