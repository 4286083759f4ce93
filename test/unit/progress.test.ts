import { progressLine } from '../../src/scripts/progress';

describe('progressLine', () => {
  it.each([
    [0, 100, '[------------------------------]   0% 0/100'],
    [40, 100, '[############------------------]  40% 40/100'],
    [100, 100, '[##############################] 100% 100/100'],
    [5, 0, '[##############################] 100% 5/0'],
  ])('%i of %i', (done, total, expected) => {
    expect(progressLine(done, total)).toBe(expected);
  });
});
