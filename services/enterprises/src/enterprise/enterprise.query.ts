import { badInput } from '@sfw/subgraph-kit';
import type { EnterpriseScale } from '@sfw/shared-types';

export type EnterpriseOrder = 'NAME' | 'CREATED_AT';

export interface EnterpriseFilterValues {
  regionCode?: string | null;
  industryCode?: string | null;
  scales?: EnterpriseScale[] | null;
  tagsAll?: string[] | null;
  tagsAny?: string[] | null;
  search?: string | null;
}

/** Opaque keyset cursor: the sort key and id of the last row, tied to the order it was made for. */
export function encodeCursor(order: EnterpriseOrder, k: string, id: string): string {
  return Buffer.from(JSON.stringify({ o: order, k, id }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, order: EnterpriseOrder): { k: string; id: string } {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      o?: string;
      k?: unknown;
      id?: unknown;
    };
    if (v.o === order && typeof v.k === 'string' && typeof v.id === 'string' && /^[0-9a-f-]{36}$/i.test(v.id))
      return { k: v.k, id: v.id };
  } catch {
    // fall through
  }
  throw badInput([
    {
      field: 'after',
      code: 'INVALID_CURSOR',
      message: '分页游标无效（可能来自另一种排序）',
      messageEn: 'invalid cursor (perhaps made for another order)',
    },
  ]);
}
