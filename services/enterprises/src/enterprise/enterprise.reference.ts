import type { Context } from '../context';
import { canRead } from './enterprise.access';
import type { Enterprise } from './enterprise.entity';

/** Every enterprise lookup by id in a request goes through one DataLoader: one query per batch. */
export function loadEnterprise(ctx: Context, id: string): Promise<Enterprise | null> {
  return ctx.loaders
    .get<string, Enterprise | null>('enterpriseById', (ids) => ctx.services.enterprises.findByIds(ids))
    .load(id);
}

/**
 * An `Enterprise` another subgraph points at (an appeal's, a visit's, a service-group call's):
 * the same read rule as `enterprise(id)`: one the viewer may not read resolves to null.
 */
export const enterpriseReference = {
  async __resolveReference(ref: { id: string }, ctx: Context): Promise<Enterprise | null> {
    const found = await loadEnterprise(ctx, ref.id);
    return found && canRead(ctx.viewer, found.id) ? found : null;
  },
};
