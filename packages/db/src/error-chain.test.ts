import { errorChain } from './error-chain';

function cyclic(): Error {
  const a = new Error('a');
  const b = new Error('b', { cause: a });
  (a as { cause?: unknown }).cause = b;
  return a;
}

function nested(depth: number): Error {
  let err = new Error('0');
  for (let i = 1; i < depth; i++) err = new Error(String(i), { cause: err });
  return err;
}

const messages = (err: unknown) => errorChain(err).map((e) => e.message);

describe('errorChain', () => {
  test.each([
    ['a lone error', new Error('only'), ['only']],
    ['a cause chain, outermost first', new Error('outer', { cause: new Error('middle', { cause: new Error('inner') }) }), ['outer', 'middle', 'inner']],
    ['an AggregateError: its inner errors, then its cause', new AggregateError([new Error('x'), new Error('y')], 'all', { cause: new Error('why') }), ['all', 'x', 'y', 'why']],
    ['inner errors with causes of their own, depth-first', new AggregateError([new Error('x', { cause: new Error('x1') }), new Error('y')], 'all'), ['all', 'x', 'x1', 'y']],
    ['an aggregate behind a cause', new Error('query', { cause: new AggregateError([new Error('ECONNREFUSED ::1')], 'connect') }), ['query', 'connect', 'ECONNREFUSED ::1']],
    ['a cycle, cut', cyclic(), ['a', 'b']],
    ['a plain object with a cause', { message: 'driver', cause: { message: 'socket' } }, ['driver', 'socket']],
    ['a non-object cause, skipped', new Error('outer', { cause: 'a string' }), ['outer']],
  ] as const)('%s', (_label, err, expected) => {
    expect(messages(err)).toEqual(expected);
  });

  test.each([undefined, null, 'text', 42])('%p walks to nothing', (err) => {
    expect(errorChain(err)).toEqual([]);
  });

  test('stops after ten errors', () => {
    expect(messages(nested(25))).toEqual(['24', '23', '22', '21', '20', '19', '18', '17', '16', '15']);
  });
});
