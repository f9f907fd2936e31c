import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { measure } from './limits';

function measureQuery(source: string, variables: Record<string, unknown> = {}) {
  const doc = parse(source);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return measure(op.selectionSet, fragments, variables);
}

describe('query depth and cost', () => {
  it('counts depth through fragments and inline fragments', () => {
    expect(measureQuery('{ a { b { c } } }').depth).toBe(3);
    expect(measureQuery('{ a { ...F } } fragment F on T { b { ... on U { c { d } } } }').depth).toBe(4);
    expect(measureQuery('{ __typename a }').depth).toBe(1);
  });

  it('multiplies what is below a paged field by its page size, from literals or variables', () => {
    expect(measureQuery('{ list(first: 50) { edges { node { id name } } } }').cost).toBe(
      1 + 50 * (1 + 1 * (1 + 2)),
    );
    expect(measureQuery('query($n: Int) { list(first: $n) { id } }', { n: 100 }).cost).toBe(1 + 100 * 1);
    expect(measureQuery('query($n: Int) { list(first: $n) { id } }').cost).toBe(1 + 20 * 1);
  });

  it('does not loop on cyclic fragments', () => {
    expect(measureQuery('{ a { ...F } } fragment F on T { b { ...F } }').depth).toBe(2);
  });
});
