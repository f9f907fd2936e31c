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

/** Keyset cursors are the kit's: the sort key and id of the last row, tied to the order. */
export { decodeCursor, encodeCursor } from '@sfw/subgraph-kit';
