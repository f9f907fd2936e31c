import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { apiSchemaOf, COMMITTED_SUPERGRAPH, REPO_ROOT } from './supergraph';

/**
 * What README.md promises about the graph: every `Type.field` written in the tables of the
 * subgraph sections, every root field named in their first column (and the fields named after it
 * with "with …"), and the arguments written beside them, must exist in the composed API schema.
 */

interface Reference {
  /** `Query.issues`, `Cadre.issues`, or `Issue.timeline` for a field named after "with". */
  field: string;
  /** The argument names written in parentheses (an input object's fields count too). */
  args: string[];
  /** The README line it came from. */
  line: number;
}

/** The level-2 sections that document a subgraph's part of the graph. */
const SUBGRAPH_SECTION = /^## (Using the graph|The \w+ subgraph)\b/;

/** A table row split into cells; `\|` inside a cell is kept as `|`. */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.replace(/\\\|/g, '|').trim());
}

/** The rows (with line numbers) of the tables in the subgraph sections. */
function tableRows(readme: string): { cells: string[]; line: number }[] {
  const out: { cells: string[]; line: number }[] = [];
  let inSection = false;
  readme.split('\n').forEach((text, i) => {
    if (text.startsWith('## ')) inSection = SUBGRAPH_SECTION.test(text);
    if (!inSection || !text.trimStart().startsWith('|')) return;
    const row = cells(text);
    if (row.every((c) => /^:?-+:?$/.test(c))) return; // the separator row
    out.push({ cells: row, line: i + 1 });
  });
  return out;
}

/** `a, b: X | Y, …` → the argument names, `["a", "b"]`; `x | y` lists alternatives. */
function argNames(list: string | undefined): string[] {
  if (!list) return [];
  return list
    .split(',')
    .flatMap((part) => part.split(':')[0]!.split('|'))
    .map((s) => s.trim())
    .filter((s) => s && s !== '…' && s !== '...');
}

const TYPE_FIELD = /`([A-Z]\w+)\.(\w+)(?:\(([^`)]*)\))?`/g;
const FIELD = /^([a-z_]\w*)(?:\(([^)]*)\))?$/;

/** Every reference the README's subgraph tables make to the graph. */
export function readmeReferences(readme: string): Reference[] {
  const refs: Reference[] = [];
  for (const { cells: row, line } of tableRows(readme)) {
    for (const cell of row)
      for (const m of cell.matchAll(TYPE_FIELD))
        refs.push({ field: `${m[1]}.${m[2]}`, args: argNames(m[3]), line });

    // The first column names root fields: backticked `name` or `name(args)` outside prose in
    // parentheses; those after "with" (up to a ";") are fields of the previous one's type.
    const first = row[0] ?? '';
    let depth = 0;
    let between = '';
    let previous: string | null = null;
    let parent: string | null = null;
    for (let i = 0; i < first.length; i++) {
      const ch = first[i]!;
      if (ch === '`') {
        const end = first.indexOf('`', i + 1);
        if (end < 0) break;
        const token = first.slice(i + 1, end);
        i = end;
        if (depth > 0) continue;
        if (/;/.test(between)) parent = null;
        if (/\bwith\b/.test(between)) parent = previous;
        between = '';
        const m = FIELD.exec(token);
        if (!m) continue;
        if (parent) refs.push({ field: `${parent}>${m[1]}`, args: argNames(m[2]), line });
        else {
          refs.push({ field: `Query|Mutation.${m[1]}`, args: argNames(m[2]), line });
          previous = m[1]!;
        }
        continue;
      }
      if (ch === '(') depth++;
      else if (ch === ')') depth = Math.max(0, depth - 1);
      else if (depth === 0) between += ch;
    }
  }
  return refs;
}

type AnyField = GraphQLField<unknown, unknown>;

function fieldOf(schema: GraphQLSchema, typeName: string, name: string): AnyField | undefined {
  const type = schema.getType(typeName);
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

/** Resolve a reference to the field it names, or say why it names none. */
function resolve(schema: GraphQLSchema, ref: Reference): { field?: AnyField; problem?: string } {
  if (ref.field.startsWith('Query|Mutation.')) {
    const name = ref.field.slice('Query|Mutation.'.length);
    const field = fieldOf(schema, 'Query', name) ?? fieldOf(schema, 'Mutation', name);
    return field ? { field } : { problem: `no root field ${name}` };
  }
  if (ref.field.includes('>')) {
    const [rootName, name] = ref.field.split('>') as [string, string];
    const root = fieldOf(schema, 'Query', rootName) ?? fieldOf(schema, 'Mutation', rootName);
    if (!root) return { problem: `no root field ${rootName}` };
    const typeName = getNamedType(root.type).name;
    const field = fieldOf(schema, typeName, name);
    return field ? { field } : { problem: `no field ${typeName}.${name} (named after ${rootName})` };
  }
  const [typeName, name] = ref.field.split('.') as [string, string];
  if (!schema.getType(typeName)) return { problem: `no type ${typeName}` };
  const field = fieldOf(schema, typeName, name);
  return field ? { field } : { problem: `no field ${ref.field}` };
}

/** Argument names a README may write for a field: its arguments and its input objects' fields. */
function acceptedArgs(field: AnyField): Set<string> {
  const names = new Set<string>();
  for (const arg of field.args) {
    names.add(arg.name);
    const type = getNamedType(arg.type);
    if (isInputObjectType(type)) for (const f of Object.keys(type.getFields())) names.add(f);
  }
  return names;
}

export function readmeProblems(readme: string, schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  for (const ref of readmeReferences(readme)) {
    const { field, problem } = resolve(schema, ref);
    if (problem) {
      problems.push(`README.md:${ref.line}: ${problem}`);
      continue;
    }
    const accepted = acceptedArgs(field!);
    for (const arg of ref.args)
      if (!accepted.has(arg))
        problems.push(
          `README.md:${ref.line}: ${ref.field.replace('Query|Mutation.', '')} has no argument ${arg}`,
        );
  }
  return problems;
}

describe('README.md against the composed graph', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const schema = apiSchemaOf(readFileSync(COMMITTED_SUPERGRAPH, 'utf8'));

  it('finds the references it is meant to check', () => {
    const refs = readmeReferences(readme);
    const fields = new Set(refs.map((r) => r.field));
    // One of each kind, so a change to the README's layout cannot make the check vacuous.
    for (const f of [
      'Enterprise.issues',
      'Department.workload',
      'Cadre.issues',
      'Query|Mutation.enterprises',
      'Query|Mutation.departments',
      'Query|Mutation.supervisionList',
      'Query|Mutation.ratings',
      'issue>timeline',
      'reviewCycle>reportHtml',
    ])
      expect(fields).toContain(f);
    expect(refs.length).toBeGreaterThan(150);
  });

  it('names only types, fields and arguments that exist in the supergraph', () => {
    expect(readmeProblems(readme, schema)).toEqual([]);
  });

  it('reports a field, a type and an argument that do not exist', () => {
    const fake = [
      '## The fake subgraph',
      '',
      '| query / mutation | who |',
      '| --- | --- |',
      '| `noSuchQuery(x)`, `issue(id)` with `timeline`, `nope` | `Cadre.nothing`, `Nowhere.issues` |',
      '| `issues(filter, bogus)` | `Enterprise.visits(first, never)` |',
    ].join('\n');
    expect(readmeProblems(fake, schema)).toEqual([
      'README.md:5: no field Cadre.nothing',
      'README.md:5: no type Nowhere',
      'README.md:5: no root field noSuchQuery',
      'README.md:5: no field Issue.nope (named after issue)',
      'README.md:6: Enterprise.visits has no argument never',
      'README.md:6: issues has no argument bogus',
    ]);
  });
});
