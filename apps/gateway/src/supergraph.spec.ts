import { composeSupergraph, CompositionError, publicRootFields } from './supergraph';

const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@tag"])';

describe('supergraph composition', () => {
  it('composes subgraphs and finds the root fields tagged public', () => {
    const sdl = composeSupergraph([
      {
        name: 'a',
        url: 'http://a/graphql',
        sdl: `${link}\ntype Query { open: Int @tag(name: "public") closed: Int }\ntype T @key(fields: "id") { id: ID! }`,
      },
      {
        name: 'b',
        url: 'http://b/graphql',
        sdl: `${link}\ntype Query { other: Int }\ntype T @key(fields: "id") { id: ID! b: Int }`,
      },
    ]);
    expect([...publicRootFields(sdl)]).toEqual(['open']);
  });

  it('fails with the composer’s message when subgraphs disagree', () => {
    const bad = () =>
      composeSupergraph([
        { name: 'a', url: 'http://a/graphql', sdl: `${link}\ntype Query { x: Int }` },
        { name: 'b', url: 'http://b/graphql', sdl: `${link}\ntype Query { x: String }` },
      ]);
    expect(bad).toThrow(CompositionError);
    expect(bad).toThrow(/x/);
  });
});
