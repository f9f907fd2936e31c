import { describe, expect, it } from 'vitest';
import { refusalChain } from './refusal';

const at = '2026-12-01T02:00:00.000Z';

describe('refusalChain', () => {
  it('shows a fresh proposal waiting for the section chief, the others still to come', () => {
    expect(refusalChain({ status: 'PENDING', nextRole: 'SECTION_CHIEF', signOffs: [] })).toEqual([
      { role: 'SECTION_CHIEF', state: 'waiting' },
      { role: 'LEADER_IN_CHARGE', state: 'later' },
      { role: 'DEPARTMENT_HEAD', state: 'later' },
    ]);
  });

  it('shows who signed when, and whose turn it is', () => {
    const chain = refusalChain({
      status: 'PENDING',
      nextRole: 'LEADER_IN_CHARGE',
      signOffs: [{ role: 'SECTION_CHIEF', signerName: '毛洁波', decision: 'APPROVED', note: '同意', at }],
    });
    expect(chain[0]).toEqual({
      role: 'SECTION_CHIEF',
      state: 'approved',
      signerName: '毛洁波',
      note: '同意',
      at,
    });
    expect(chain.map((s) => s.state)).toEqual(['approved', 'waiting', 'later']);
  });

  it('marks every step signed once all three approved', () => {
    const signOffs = (['SECTION_CHIEF', 'LEADER_IN_CHARGE', 'DEPARTMENT_HEAD'] as const).map((role) => ({
      role,
      signerName: role,
      decision: 'APPROVED',
      at,
    }));
    expect(refusalChain({ status: 'APPROVED', nextRole: null, signOffs }).map((s) => s.state)).toEqual([
      'approved',
      'approved',
      'approved',
    ]);
  });

  it('stops the chain where it was sent back', () => {
    const chain = refusalChain({
      status: 'RETURNED',
      nextRole: null,
      signOffs: [
        { role: 'SECTION_CHIEF', signerName: '毛洁波', decision: 'APPROVED', at },
        { role: 'LEADER_IN_CHARGE', signerName: '章鹏', decision: 'RETURNED', note: '依据不充分', at },
      ],
    });
    expect(chain.map((s) => s.state)).toEqual(['approved', 'returned', 'stopped']);
    expect(chain[1]?.note).toBe('依据不充分');
  });
});
