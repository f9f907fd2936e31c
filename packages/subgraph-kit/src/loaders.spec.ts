import { groupByKeys, Loaders, orderByKeys } from './loaders';

describe('loaders', () => {
  it('orders rows by keys and fills gaps with null', () => {
    expect(orderByKeys(['b', 'x', 'a'], [{ id: 'a' }, { id: 'b' }], (r) => r.id)).toEqual([
      { id: 'b' },
      null,
      { id: 'a' },
    ]);
  });

  it('groups rows under keys', () => {
    expect(
      groupByKeys(
        ['a', 'b'],
        [
          { k: 'a', v: 1 },
          { k: 'a', v: 2 },
        ],
        (r) => r.k,
      ),
    ).toEqual([
      [
        { k: 'a', v: 1 },
        { k: 'a', v: 2 },
      ],
      [],
    ]);
  });

  it('batches loads of one request into one call', async () => {
    const calls: (readonly string[])[] = [];
    const loaders = new Loaders();
    const load = (id: string) =>
      loaders
        .get<string, string>('x', async (ids) => {
          calls.push(ids);
          return ids.map((i) => i.toUpperCase());
        })
        .load(id);
    expect(await Promise.all(['a', 'b', 'a'].map(load))).toEqual(['A', 'B', 'A']);
    expect(calls).toEqual([['a', 'b']]);
  });
});
