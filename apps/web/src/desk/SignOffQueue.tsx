import { Alert, Button, Space, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { useSession } from '../auth/use-session';
import type { WebSignOffQueueQuery } from '../gql/graphql';
import { SignOffQueueQuery } from '../graphql/operations';
import { maySignOff } from '../shared/actions';
import { ActionButton } from '../shared/AppealView';
import { ColourMark, QueryState } from '../shared/common';
import { SIGN_OFF_ROLE_LABEL } from '../shared/labels';
import { RefusalChain } from '../shared/RefusalChain';
import { formatDateTime } from '../shared/time';
import { useCursorPages } from '../shared/use-cursor-pages';

const PAGE = 50;

type Row = WebSignOffQueueQuery['issues']['edges'][number]['node'];

/**
 * 待我签批: the department's "cannot handle" proposals waiting for sign-off. Those whose next
 * sign-off is the viewer's (科室负责人 → 分管领导 → 部门负责人) come first, with 签批同意 and 退回; the
 * rest show whose turn it is. Each row opens to the reason, the basis and the chain so far.
 */
export default function SignOffQueue() {
  const session = useSession();
  const pages = useCursorPages();
  const departmentId = session?.departmentId;
  const [{ data, fetching, error }, refetch] = useQuery({
    query: SignOffQueueQuery,
    variables: { departmentId, first: PAGE, after: pages.after },
    pause: !departmentId,
    requestPolicy: 'cache-and-network',
  });
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const conn = data?.issues;
  const rows = conn?.edges.map((e) => e.node) ?? [];
  const pending = (i: Row) => i.refusals.find((r) => r.status === 'PENDING');
  const mine = (i: Row) =>
    maySignOff(
      { status: i.status, leadDepartmentId: i.leadDepartment?.id, refusalNextRole: pending(i)?.nextRole },
      session,
    );
  const role = session?.signOffRole as keyof typeof SIGN_OFF_ROLE_LABEL | undefined;

  if (!departmentId || !role)
    return (
      <Alert
        type="info"
        showIcon
        message="您不是部门签批人"
        description="“不能办”由承办部门的科室负责人、分管领导、部门负责人依次签批。"
      />
    );

  const table = (title: string, list: Row[], actions: boolean, empty: string) => (
    <section aria-label={title}>
      <Typography.Title level={5}>
        {title}（{list.length}）
      </Typography.Title>
      <Table<Row>
        // Remounted when the rows change, so the queue's rows open expanded once they arrive.
        key={list.map((i) => i.id).join()}
        rowKey="id"
        size="small"
        loading={fetching && !data}
        dataSource={list}
        pagination={false}
        locale={{ emptyText: empty }}
        expandable={{
          expandedRowRender: (i) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {i.refusals
                .filter((r) => r.status === 'PENDING')
                .map((r) => (
                  <RefusalChain key={r.id} refusal={r} />
                ))}
            </Space>
          ),
          defaultExpandAllRows: actions,
        }}
        columns={[
          {
            title: '红黄绿',
            key: 'colour',
            width: 100,
            render: (_, i) => <ColourMark colour={i.colour} overdue={i.overdue} />,
          },
          {
            title: '编号',
            key: 'no',
            width: 150,
            render: (_, i) => <Link to={`/desk/appeals/${i.id}`}>{i.no}</Link>,
          },
          { title: '标题', dataIndex: 'title', ellipsis: true },
          {
            title: '企业',
            key: 'enterprise',
            width: 180,
            ellipsis: true,
            render: (_, i) => i.enterprise.name,
          },
          {
            title: '提出时间',
            key: 'proposed',
            width: 150,
            render: (_, i) => formatDateTime(pending(i)?.proposedAt),
          },
          {
            title: '当前环节',
            key: 'next',
            width: 150,
            render: (_, i) => {
              const next = pending(i)?.nextRole;
              return next ? `待${SIGN_OFF_ROLE_LABEL[next]}签批` : '—';
            },
          },
          ...(actions
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 190,
                  render: (_: unknown, i: Row) => (
                    <Space>
                      <ActionButton action="signOff" issueId={i.id} mergeTargets={[]} onDone={refresh} />
                      <ActionButton action="sendBack" issueId={i.id} mergeTargets={[]} onDone={refresh} />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </section>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        待我签批 · {SIGN_OFF_ROLE_LABEL[role]}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        “不能办”须经科室负责人、分管领导、部门负责人依次签批后才答复企业；签批和退回意见只在部门内部可见。
      </Typography.Paragraph>
      {error ? (
        <QueryState fetching={false} error={error} />
      ) : (
        <>
          {table('待我签批', rows.filter(mine), true, '没有等待您签批的“不能办”')}
          {table(
            '本部门其他待签批',
            rows.filter((i) => !mine(i)),
            false,
            '没有其他待签批的“不能办”',
          )}
        </>
      )}
      <Space>
        <Button disabled={pages.page === 0} onClick={pages.previous}>
          上一页
        </Button>
        <span>第 {pages.page + 1} 页</span>
        <Button disabled={!conn?.pageInfo.hasNextPage} onClick={() => pages.next(conn?.pageInfo.endCursor)}>
          下一页
        </Button>
      </Space>
    </Space>
  );
}
