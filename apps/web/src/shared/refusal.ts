import { SIGN_OFF_ORDER } from './labels';

/** A refusal as the pages read it (the graph's Refusal, chain fields only). */
export interface RefusalLike {
  status: string;
  nextRole?: string | null;
  signOffs: {
    role: string;
    signerName?: string | null;
    decision: string;
    note?: string | null;
    at: string;
  }[];
}

export type StepState = 'approved' | 'returned' | 'waiting' | 'later' | 'stopped';

export interface ChainStep {
  role: (typeof SIGN_OFF_ORDER)[number];
  state: StepState;
  signerName?: string | null;
  note?: string | null;
  at?: string;
}

/**
 * The three sign-offs of a refusal in order (科室负责人 → 分管领导 → 部门负责人): who signed or sent it
 * back and when, whose turn it is, which are still to come, and which were never reached because an
 * earlier one sent it back.
 */
export function refusalChain(refusal: RefusalLike): ChainStep[] {
  let stopped = false;
  return SIGN_OFF_ORDER.map((role) => {
    const signed = refusal.signOffs.find((s) => s.role === role);
    if (signed) {
      const state: StepState = signed.decision === 'RETURNED' ? 'returned' : 'approved';
      if (state === 'returned') stopped = true;
      return { role, state, signerName: signed.signerName, note: signed.note, at: signed.at };
    }
    if (stopped || refusal.status === 'RETURNED') return { role, state: 'stopped' };
    if (refusal.status === 'PENDING' && refusal.nextRole === role) return { role, state: 'waiting' };
    return { role, state: 'later' };
  });
}
