import { answerExample } from '../../src/documentation/answer-example';

describe('answerExample', () => {
  it.each([
    ['keeps scalars', 5, 5],
    ['keeps null', null, null],
    ['keeps a short text', 'Tin', 'Tin'],
    ['cuts a long text', 'đ'.repeat(10), `${'đ'.repeat(4)}…`],
    ['keeps the first items of a list', [1, 2, 3], [1, 2]],
    ['goes into objects and lists of objects', { data: [{ t: 'đđđđđđ' }, { t: 'a' }, { t: 'b' }], meta: { n: 3 } }, { data: [{ t: 'đđđđ…' }, { t: 'a' }], meta: { n: 3 } }],
  ])('%s', (_name, input, expected) => {
    expect(answerExample(input, 2, 4)).toEqual(expected);
  });
});
