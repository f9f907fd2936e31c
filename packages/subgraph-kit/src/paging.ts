import { Directive, Field, ObjectType } from 'type-graphql';
import { badInput } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id argument that is not a uuid can only be "not found": say so instead of failing in SQL. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/**
 * Rows of an `UPDATE … RETURNING` through TypeORM's `query`: the Postgres driver hands back
 * `[rows, affectedCount]` for UPDATE and DELETE, and the rows themselves for SELECT and INSERT.
 */
export function returned<T>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  )
    return result[0] as T[];
  return result as T[];
}

/** Opaque keyset cursor: the sort key and id of the last row, tied to the list (or order) it was made for. */
export function encodeCursor(kind: string, k: string, id: string): string {
  return Buffer.from(JSON.stringify({ t: kind, k, id }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, kind: string): { k: string; id: string } {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      t?: string;
      k?: unknown;
      id?: unknown;
    };
    if (v.t === kind && typeof v.k === 'string' && typeof v.id === 'string' && isUuid(v.id))
      return { k: v.k, id: v.id };
  } catch {
    // fall through
  }
  throw badInput([
    {
      field: 'after',
      code: 'INVALID_CURSOR',
      message: '分页游标无效（可能来自另一个列表或另一种排序）',
      messageEn: 'invalid cursor (perhaps made for another list or order)',
    },
  ]);
}

/** Shared by every subgraph's connections (identical definition, @shareable). */
@Directive('@shareable')
@ObjectType({ description: 'Page information of a cursor connection' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}
