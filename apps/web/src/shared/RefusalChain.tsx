import { Descriptions, Steps, Tag, Typography } from 'antd';
import { REFUSAL_STATUS_LABEL, SIGN_OFF_ROLE_LABEL } from './labels';
import { refusalChain, type RefusalLike, type StepState } from './refusal';
import { formatDateTime } from './time';

const STEP_STATUS: Record<StepState, 'finish' | 'error' | 'process' | 'wait'> = {
  approved: 'finish',
  returned: 'error',
  waiting: 'process',
  later: 'wait',
  stopped: 'wait',
};
const STEP_TEXT: Record<StepState, string> = {
  approved: '同意',
  returned: '退回',
  waiting: '待签批',
  later: '未到',
  stopped: '—',
};
const REFUSAL_TAG: Record<string, string> = { PENDING: 'magenta', APPROVED: 'red', RETURNED: 'default' };

/** One "cannot handle" proposal: its reason and basis, and the sign-off chain with who signed when. */
export function RefusalChain({
  refusal,
}: {
  refusal: RefusalLike & { id: string; reason: string; basis?: string | null; proposedAt: string };
}) {
  const steps = refusalChain(refusal);
  return (
    <section aria-label="不能办签批链">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="状态">
          <Tag color={REFUSAL_TAG[refusal.status] ?? 'default'}>
            {REFUSAL_STATUS_LABEL[refusal.status] ?? refusal.status}
          </Tag>
          <Typography.Text type="secondary">提出于 {formatDateTime(refusal.proposedAt)}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="不能办理的理由">
          <span style={{ whiteSpace: 'pre-wrap' }}>{refusal.reason}</span>
        </Descriptions.Item>
        <Descriptions.Item label="法律、政策依据">
          <span style={{ whiteSpace: 'pre-wrap' }}>{refusal.basis ?? '—'}</span>
        </Descriptions.Item>
      </Descriptions>
      <Steps
        size="small"
        style={{ marginTop: 12 }}
        items={steps.map((s) => ({
          status: STEP_STATUS[s.state],
          title: `${SIGN_OFF_ROLE_LABEL[s.role]} · ${STEP_TEXT[s.state]}`,
          description: s.at ? (
            <span>
              {s.signerName ?? '—'} · {formatDateTime(s.at)}
              {s.note ? <div>意见：{s.note}</div> : null}
            </span>
          ) : undefined,
        }))}
      />
    </section>
  );
}
