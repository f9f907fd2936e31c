import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Radio,
  Result,
  Select,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, type AnyVariables, type TypedDocumentNode } from 'urql';
import { useSession } from '../auth/use-session';
import {
  AcceptIssue,
  AnswerIssue,
  AssignIssue,
  AskEnterprise,
  CloseIssue,
  ConfirmIssue,
  DepartmentsQuery,
  EscalateIssue,
  IssueDetailQuery,
  MergeIssue,
  ProposeRefusal,
  RateIssue,
  ReopenIssue,
  ReportProgress,
  RequestReview,
  ResumeIssue,
  SignOffRefusal,
  SimilarOfIssueQuery,
  StartIssue,
  WithdrawIssue,
} from '../graphql/operations';
import { describeError } from '../graphql/errors';
import { availableActions, type IssueAction } from './actions';
import { ColourMark, StatusTag } from './common';
import { DOMAIN_LABEL, OUTCOME_LABEL, RATING_LEVELS, SCOPE_LABEL, STATUS_LABEL } from './labels';
import { RefusalChain } from './RefusalChain';
import { formatDateTime } from './time';

type Values = Record<string, unknown>;

interface ActionSpec {
  label: string;
  primary?: boolean;
  danger?: boolean;
  /** The form in the dialog; none: a confirmation only. */
  fields?: (ctx: { mergeTargets: { id: string; no: string; title: string }[] }) => React.ReactNode;
  run: (
    id: string,
    v: Values,
  ) => { document: TypedDocumentNode<unknown, AnyVariables>; variables: AnyVariables };
  done: string;
}

const text = (name: string, label: string, required = true, rows = 3) => (
  <Form.Item
    name={name}
    label={label}
    rules={
      required
        ? [
            { required: true, message: `请填写${label}` },
            { min: 2, message: `${label}至少 2 个字` },
          ]
        : []
    }
  >
    <Input.TextArea rows={rows} maxLength={2000} showCount aria-label={label} />
  </Form.Item>
);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const op = <V extends AnyVariables>(document: TypedDocumentNode<unknown, V>, variables: V) => ({
  document: document as TypedDocumentNode<unknown, AnyVariables>,
  variables: variables as AnyVariables,
});

/** Each action: its dialog and the mutation it sends. */
const ACTIONS: Record<IssueAction, ActionSpec> = {
  accept: {
    label: '受理',
    primary: true,
    fields: () => text('note', '受理意见', false),
    run: (id, v) => op(AcceptIssue, { id, note: str(v['note']) }),
    done: '已受理，您是首问负责人',
  },
  assign: {
    label: '交办',
    primary: true,
    fields: () => <AssignFields />,
    run: (id, v) =>
      op(AssignIssue, {
        id,
        input: {
          leadDepartmentId: String(v['leadDepartmentId']),
          coDepartmentIds: (v['coDepartmentIds'] as string[] | undefined) ?? [],
          handler: str(v['handler']),
          note: str(v['note']),
        },
      }),
    done: '已交办',
  },
  start: {
    label: '提交办理方案',
    primary: true,
    fields: () => text('plan', '办理方案', true, 4),
    run: (id, v) => op(StartIssue, { id, plan: String(v['plan']) }),
    done: '方案已提交，进入办理',
  },
  progress: {
    label: '反馈进展',
    fields: () => text('note', '进展情况'),
    run: (id, v) => op(ReportProgress, { id, note: String(v['note']) }),
    done: '进展已反馈',
  },
  ask: {
    label: '请企业补充',
    fields: () => (
      <>
        <Typography.Paragraph type="secondary">请企业补充期间，办理时限暂停计算。</Typography.Paragraph>
        {text('question', '需要企业补充的内容')}
      </>
    ),
    run: (id, v) => op(AskEnterprise, { id, question: String(v['question']) }),
    done: '已请企业补充，时限暂停',
  },
  resume: {
    label: '补充完毕，恢复办理',
    fields: () => text('note', '补充说明', false),
    run: (id, v) => op(ResumeIssue, { id, note: str(v['note']) }),
    done: '已恢复办理',
  },
  answer: {
    label: '答复',
    primary: true,
    fields: () => (
      <>
        <Form.Item name="outcome" label="办理结果" rules={[{ required: true, message: '请选择办理结果' }]}>
          <Radio.Group
            options={[
              { value: 'RESOLVED', label: '已解决' },
              { value: 'PARTLY_RESOLVED', label: '部分解决' },
            ]}
          />
        </Form.Item>
        {text('answer', '答复内容', true, 5)}
      </>
    ),
    run: (id, v) => op(AnswerIssue, { id, answer: String(v['answer']), outcome: v['outcome'] as 'RESOLVED' }),
    done: '已答复企业',
  },
  close: {
    label: '销号',
    fields: () => text('note', '销号说明', false),
    run: (id, v) => op(CloseIssue, { id, note: str(v['note']) }),
    done: '已销号',
  },
  escalate: {
    label: '提级',
    danger: true,
    fields: () => text('reason', '提级原因'),
    run: (id, v) => op(EscalateIssue, { id, reason: String(v['reason']) }),
    done: '已提级',
  },
  merge: {
    label: '并单',
    fields: ({ mergeTargets }) => (
      <>
        <Form.Item name="intoId" label="并入诉求" rules={[{ required: true, message: '请选择要并入的诉求' }]}>
          <Select
            aria-label="并入诉求"
            options={mergeTargets.map((t) => ({ value: t.id, label: `${t.no} ${t.title}` }))}
            notFoundContent="没有同一企业的相似诉求可并入"
          />
        </Form.Item>
        {text('note', '并单说明', false)}
      </>
    ),
    run: (id, v) => op(MergeIssue, { id, intoId: String(v['intoId']), note: str(v['note']) }),
    done: '已并单',
  },
  proposeRefusal: {
    label: '提出不能办',
    danger: true,
    fields: () => (
      <>
        <Typography.Paragraph type="secondary">
          “不能办”须写明具体理由（至少 20
          个字）和法律、政策依据，经科室负责人、分管领导、部门负责人依次签批后才答复企业；签批完成前企业看到的仍是“办理中”。
        </Typography.Paragraph>
        <Form.Item
          name="reason"
          label="不能办理的理由"
          rules={[
            { required: true, message: '请填写不能办理的理由' },
            { min: 20, message: '理由至少 20 个字，不能含糊答复' },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount aria-label="不能办理的理由" />
        </Form.Item>
        <Form.Item name="basis" label="法律、政策依据">
          <Input.TextArea rows={3} maxLength={2000} showCount aria-label="法律、政策依据" />
        </Form.Item>
      </>
    ),
    run: (id, v) => op(ProposeRefusal, { id, reason: String(v['reason']), basis: str(v['basis']) }),
    done: '已提出“不能办”，等待科室负责人签批',
  },
  signOff: {
    label: '签批同意',
    primary: true,
    fields: () => text('note', '签批意见', false),
    run: (id, v) => op(SignOffRefusal, { id, approve: true, note: str(v['note']) }),
    done: '已签批',
  },
  sendBack: {
    label: '退回',
    danger: true,
    fields: () => (
      <Form.Item
        name="note"
        label="退回意见"
        rules={[
          { required: true, message: '请填写退回意见' },
          { min: 4, message: '退回意见至少 4 个字' },
        ]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount aria-label="退回意见" />
      </Form.Item>
    ),
    run: (id, v) => op(SignOffRefusal, { id, approve: false, note: String(v['note']) }),
    done: '已退回承办人员，诉求回到办理中',
  },
  confirm: {
    label: '确认办结',
    primary: true,
    fields: () => text('note', '确认意见', false),
    run: (id, v) => op(ConfirmIssue, { id, note: str(v['note']) }),
    done: '已确认办结',
  },
  reopen: {
    label: '不满意，重新办理',
    fields: () => text('reason', '重新办理的理由'),
    run: (id, v) => op(ReopenIssue, { id, reason: String(v['reason']) }),
    done: '已申请重新办理',
  },
  withdraw: {
    label: '撤回',
    danger: true,
    fields: () => text('reason', '撤回原因'),
    run: (id, v) => op(WithdrawIssue, { id, reason: String(v['reason']) }),
    done: '诉求已撤回',
  },
  requestReview: {
    label: '申请说“不”评议',
    fields: () => text('reason', '申请评议的理由'),
    run: (id, v) => op(RequestReview, { id, reason: String(v['reason']) }),
    done: '已申请评议',
  },
  rate: {
    label: '评价',
    primary: true,
    fields: () => (
      <>
        <Form.Item name="level" label="满意度" rules={[{ required: true, message: '请选择满意度' }]}>
          <Radio.Group
            options={RATING_LEVELS.map(([value, label]) => ({ value, label }))}
            optionType="button"
          />
        </Form.Item>
        {text('comment', '评价意见', false)}
      </>
    ),
    run: (id, v) =>
      op(RateIssue, { input: { issueId: id, level: v['level'] as 'SATISFIED', comment: str(v['comment']) } }),
    done: '感谢您的评价',
  },
};

function AssignFields() {
  const [{ data, fetching }] = useQuery({ query: DepartmentsQuery, variables: {} });
  const options = (data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }));
  return (
    <>
      <Form.Item
        name="leadDepartmentId"
        label="牵头部门"
        rules={[{ required: true, message: '请选择牵头部门' }]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          loading={fetching}
          options={options}
          aria-label="牵头部门"
        />
      </Form.Item>
      <Form.Item name="coDepartmentIds" label="协办部门">
        <Select
          mode="multiple"
          showSearch
          optionFilterProp="label"
          loading={fetching}
          options={options}
          aria-label="协办部门"
        />
      </Form.Item>
      <Form.Item name="handler" label="承办人（账号）">
        <Input aria-label="承办人" maxLength={100} />
      </Form.Item>
      {text('note', '交办说明', false)}
    </>
  );
}

export function ActionButton({
  action,
  issueId,
  mergeTargets,
  onDone,
}: {
  action: IssueAction;
  issueId: string;
  mergeTargets: { id: string; no: string; title: string }[];
  onDone: () => void;
}) {
  const spec = ACTIONS[action];
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const [{ fetching }, execute] = useMutation<unknown, AnyVariables>(spec.run(issueId, {}).document);
  const { message } = App.useApp();
  const submit = async () => {
    const values = await form.validateFields();
    const { variables } = spec.run(issueId, values);
    const result = await execute(variables);
    if (result.error) {
      message.error(describeError(result.error));
      return;
    }
    message.success(spec.done);
    setOpen(false);
    form.resetFields();
    onDone();
  };
  return (
    <>
      <Button type={spec.primary ? 'primary' : 'default'} danger={spec.danger} onClick={() => setOpen(true)}>
        {spec.label}
      </Button>
      <Modal
        title={spec.label}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        okText="提交"
        cancelText="取消"
        confirmLoading={fetching}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {spec.fields?.({ mergeTargets })}
        </Form>
      </Modal>
    </>
  );
}

/**
 * An appeal's page: the enterprise's (public timeline, the answer, confirm / reopen / withdraw /
 * review / rate) or the handling side's (the full internal timeline, the refusal chain, similar
 * appeals, the handling actions). What is shown of the timeline is what the graph lets the viewer read.
 */
export function AppealView({ id, workspace }: { id: string; workspace: 'portal' | 'desk' }) {
  const session = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({ query: IssueDetailQuery, variables: { id } });
  const [similar, refetchSimilar] = useQuery({
    query: SimilarOfIssueQuery,
    variables: { id },
    pause: workspace !== 'desk',
  });
  const issue = data?.issue;
  const refresh = () => {
    refetch({ requestPolicy: 'network-only' });
    if (workspace === 'desk') refetchSimilar({ requestPolicy: 'network-only' });
  };
  if (error)
    return (
      <Result status="warning" title={describeError(error)} extra={<Button onClick={refresh}>重试</Button>} />
    );
  if (!issue)
    return fetching ? (
      <Spin style={{ display: 'block', margin: '64px auto' }} aria-label="加载中" />
    ) : (
      <Result status="404" title="未找到该诉求，或您无权查看" />
    );

  const window = issue.ratingWindow;
  const pendingRefusal = issue.refusals.find((r) => r.status === 'PENDING');
  const actions = availableActions(
    {
      status: issue.status,
      leadDepartmentId: issue.leadDepartment?.id,
      refusalNextRole: pendingRefusal?.nextRole,
      outcome: issue.outcome,
      ratingOpen: window?.open,
      ratingDone: window?.rated,
    },
    session,
  );
  const similarItems = similar.data?.issue?.similar ?? [];
  const mergeTargets = similarItems
    .filter((s) => s.sameEnterprise && s.issue.id !== issue.id)
    .map((s) => ({ id: s.issue.id, no: s.issue.no, title: s.issue.title }));
  const back = workspace === 'portal' ? '/portal' : '/desk';

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to={back}>← 返回{workspace === 'portal' ? '我的诉求' : '交办看板'}</Link>
      <Card
        title={
          <Space wrap>
            <Typography.Text copyable={{ text: issue.no }} strong>
              {issue.no}
            </Typography.Text>
            <span>{issue.title}</span>
          </Space>
        }
        extra={<StatusTag status={issue.status} />}
      >
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label="红黄绿">
            <ColourMark colour={issue.colour} overdue={issue.overdue} />
          </Descriptions.Item>
          <Descriptions.Item label="企业">{issue.enterprise.name}</Descriptions.Item>
          <Descriptions.Item label="牵头部门">{issue.leadDepartment?.name ?? '待交办'}</Descriptions.Item>
          {issue.coDepartments.length > 0 && (
            <Descriptions.Item label="协办部门">
              {issue.coDepartments.map((d) => d.name).join('、')}
            </Descriptions.Item>
          )}
          <Descriptions.Item label="类别">
            {issue.categories.map((c) => DOMAIN_LABEL[c]).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label="性质">{SCOPE_LABEL[issue.scope]}</Descriptions.Item>
          <Descriptions.Item label="提交时间">{formatDateTime(issue.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label="首次响应期限">{formatDateTime(issue.firstResponseDue)}</Descriptions.Item>
          <Descriptions.Item label="方案期限（工作日）">{formatDateTime(issue.planDue)}</Descriptions.Item>
          <Descriptions.Item label="反馈期限（工作日）">
            {formatDateTime(issue.feedbackDue)}
          </Descriptions.Item>
          <Descriptions.Item label="办结期限（工作日）">{formatDateTime(issue.closeDue)}</Descriptions.Item>
          {issue.firstResponderName && (
            <Descriptions.Item label="首问负责人">{issue.firstResponderName}</Descriptions.Item>
          )}
          {workspace === 'desk' && issue.handler && (
            <Descriptions.Item label="承办人">{issue.handler}</Descriptions.Item>
          )}
          {issue.pausedSince && (
            <Descriptions.Item label="时限暂停">
              自 {formatDateTime(issue.pausedSince)} 起等待企业补充
            </Descriptions.Item>
          )}
          {issue.mergedInto && (
            <Descriptions.Item label="已并入">
              <Link to={`${back}/appeals/${issue.mergedInto.id}`}>{issue.mergedInto.no}</Link>
            </Descriptions.Item>
          )}
        </Descriptions>
        <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}>
          {issue.description}
        </Typography.Paragraph>
        {issue.plan && workspace === 'desk' && (
          <Typography.Paragraph>
            <Typography.Text strong>办理方案：</Typography.Text>
            {issue.plan}
          </Typography.Paragraph>
        )}
      </Card>

      {issue.answer && (
        <Card title="答复" size="small">
          <Space direction="vertical">
            <Space>
              {issue.outcome && (
                <Tag color={issue.outcome === 'CANNOT_HANDLE' ? 'red' : 'green'}>
                  {OUTCOME_LABEL[issue.outcome]}
                </Tag>
              )}
              <Typography.Text type="secondary">{formatDateTime(issue.answeredAt)}</Typography.Text>
            </Space>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {issue.answer}
            </Typography.Paragraph>
            {issue.ratings.map((r) => (
              <Typography.Text key={r.id} type="secondary">
                第 {r.round} 轮评价：{RATING_LEVELS.find(([v]) => v === r.level)?.[1]}
                {r.comment ? `，${r.comment}` : ''}
              </Typography.Text>
            ))}
            {window?.open && !window.rated && (
              <Typography.Text type="secondary">评价截止：{formatDateTime(window.closesAt)}</Typography.Text>
            )}
          </Space>
        </Card>
      )}

      <Card title="可执行的操作" size="small">
        {actions.length ? (
          <Space wrap>
            {actions.map((a) => (
              <ActionButton
                key={a}
                action={a}
                issueId={issue.id}
                mergeTargets={mergeTargets}
                onDone={refresh}
              />
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">当前状态下您没有可执行的操作</Typography.Text>
        )}
      </Card>

      {workspace === 'desk' && issue.refusals.length > 0 && (
        <Card title="“不能办”签批" size="small">
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            {issue.refusals.map((r) => (
              <RefusalChain key={r.id} refusal={r} />
            ))}
          </Space>
        </Card>
      )}

      {workspace === 'desk' && (
        <Card title="相似诉求" size="small" loading={similar.fetching && !similar.data}>
          {similar.data?.issue?.commonProblem && (
            <Typography.Paragraph>
              所属共性问题：{similar.data.issue.commonProblem.title}（
              {similar.data.issue.commonProblem.status}）
            </Typography.Paragraph>
          )}
          {similarItems.length ? (
            <ul style={{ paddingLeft: 16, margin: 0 }}>
              {similarItems.map((s) => (
                <li key={s.issue.id}>
                  <Link to={`/desk/appeals/${s.issue.id}`}>{s.issue.no}</Link> {s.issue.title} ·{' '}
                  {s.issue.enterprise.name} · {STATUS_LABEL[s.issue.status]} · 相似度{' '}
                  {Math.round(s.score * 100)}%{s.sameEnterprise ? ' · 同一企业' : ''}
                </li>
              ))}
            </ul>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有相似诉求" />
          )}
        </Card>
      )}

      <Card title={workspace === 'desk' ? '办理时间线（含内部环节）' : '办理进度'} size="small">
        <Timeline
          items={issue.timeline.map((e) => ({
            key: e.id,
            color: e.audience === 'INTERNAL' ? 'gray' : 'blue',
            children: (
              <div>
                <Typography.Text strong>{e.actionLabel}</Typography.Text>
                {e.toStatus && (
                  <Typography.Text type="secondary"> → {STATUS_LABEL[e.toStatus]}</Typography.Text>
                )}
                {workspace === 'desk' && e.audience === 'INTERNAL' && (
                  <Tag style={{ marginLeft: 8 }}>内部</Tag>
                )}
                <div>
                  <Typography.Text type="secondary">
                    {formatDateTime(e.at)}
                    {e.actorName ? ` · ${e.actorName}` : ''}
                  </Typography.Text>
                </div>
                {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
              </div>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
