import { median, percentileOfSorted, ratio, round } from './stats';

describe('median', () => {
  test.each([
    [[], Number.NaN],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 10, 1000], 10],
  ])('median(%j) is %p', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  test('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('percentileOfSorted', () => {
  const sorted = [10, 20, 30, 40];
  test.each([
    [0, 10],
    [50, 25],
    [100, 40],
    [99, 39.7],
  ])('p%p of %j', (p, expected) => {
    expect(percentileOfSorted(sorted, p)).toBeCloseTo(expected, 6);
  });

  test('works on typed arrays and is NaN when empty', () => {
    expect(percentileOfSorted(Float64Array.from([1, 2, 3]), 50)).toBe(2);
    expect(percentileOfSorted([], 50)).toBeNaN();
  });
});

describe('ratio and round', () => {
  test.each([
    [850, 1000, 0.85],
    [1, 0, Number.NaN],
    [undefined, 1, Number.NaN],
    [Number.NaN, 1, Number.NaN],
  ])('ratio(%p, %p) is %p', (ours, baseline, expected) => {
    expect(ratio(ours, baseline)).toBe(expected);
  });

  test('round keeps the requested decimals and passes NaN through', () => {
    expect(round(1.23456, 2)).toBe(1.23);
    expect(round(0.8549, 3)).toBe(0.855);
    expect(round(Number.NaN)).toBeNaN();
  });
});
