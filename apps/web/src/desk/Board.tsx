import { Badge, Button, Input, InputNumber, Select, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { useSession } from '../auth/use-session';
import type { IssueFilter, IssueRowFragment, ProblemDomain } from '../gql/graphql';
import { describeError } from '../graphql/errors';
import { BoardCountsQuery, IssuesQuery } from '../graphql/operations';
import { ColourMark, QueryState, StatusTag } from '../shared/common';
import { ALL_DOMAINS, DOMAIN_LABEL } from '../shared/labels';
import { formatDateTime } from '../shared/time';
import { useCursorPages } from '../shared/use-cursor-pages';

const PAGE = 20;

/** The saved views of the board (待受理 … 已超期), each a filter the graph applies. */
export const VIEWS = {
  all: { label: '全部', filter: {} as IssueFilter },
  toAccept: { label: '待受理', filter: { statuses: ['SUBMITTED'] } as IssueFilter },
  toAssign: { label: '待交办', filter: { statuses: ['ACCEPTED'] } as IssueFilter },
  inHand: {
    label: '办理中',
    filter: { statuses: ['ASSIGNED', 'IN_PROGRESS', 'WAITING_ENTERPRISE'] } as IssueFilter,
  },
  dueSoon: { label: '即将超期', filter: { open: true, dueWithinWorkdays: 2, overdue: false } as IssueFilter },
  overdue: { label: '已超期', filter: { open: true, overdue: true } as IssueFilter },
} as const;
type View = keyof typeof VIEWS;

/**
 * 交办看板: the appeals the viewer's department leads or co-handles (the coordinator: all of
 * them), red / yellow / green, with the saved views and their counts, filters and pages.
 */
export default function Board() {
  const session = useSession();
  const [view, setView] = useState<View>('all');
  const [category, setCategory] = useState<ProblemDomain | undefined>();
  const [regionCode, setRegionCode] = useState('');
  const [dueWithin, setDueWithin] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const pages = useCursorPages();
  const departmentId = session?.roles.includes('department') ? session.departmentId : undefined;
  const filter: IssueFilter = {
    ...VIEWS[view].filter,
    ...(departmentId ? { departmentId } : {}),
    ...(category ? { category } : {}),
    ...(regionCode ? { regionCode } : {}),
    ...(dueWithin !== null ? { open: true, dueWithinWorkdays: dueWithin } : {}),
    ...(search ? { search } : {}),
  };
  const [{ data, fetching, error }] = useQuery({
    query: IssuesQuery,
    variables: { filter, first: PAGE, after: pages.after },
  });
  const [counts] = useQuery({ query: BoardCountsQuery, variables: { departmentId } });
  const conn = data?.issues;
  const rows = conn?.edges.map((e) => e.node) ?? [];
  const count = (v: View): number | undefined => (v === 'all' ? undefined : counts.data?.[v]?.totalCount);
  const reset = () => pages.reset();

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        交办看板{conn ? `（${conn.totalCount}）` : ''}
      </Typography.Title>
      <Tabs
        activeKey={view}
        onChange={(k) => {
          setView(k as View);
          reset();
        }}
        items={(Object.keys(VIEWS) as View[]).map((v) => ({
          key: v,
          label: (
            <Space size={4}>
              {VIEWS[v].label}
              {count(v) !== undefined && (
                <Badge
                  count={count(v)}
                  showZero
                  overflowCount={9999}
                  color={v === 'overdue' ? 'red' : v === 'dueSoon' ? 'gold' : 'blue'}
                />
              )}
            </Space>
          ),
        }))}
      />
      {counts.error && <Typography.Text type="danger">{describeError(counts.error)}</Typography.Text>}
      <Space wrap>
        <Select
          aria-label="问题类别"
          placeholder="问题类别"
          allowClear
          style={{ width: 140 }}
          value={category}
          onChange={(v) => {
            setCategory(v);
            reset();
          }}
          options={ALL_DOMAINS.map((d) => ({ value: d, label: DOMAIN_LABEL[d] }))}
        />
        <Input
          aria-label="行政区划代码"
          placeholder="行政区划代码，如 331004"
          allowClear
          style={{ width: 200 }}
          value={regionCode}
          onChange={(e) => {
            setRegionCode(e.target.value.trim());
            reset();
          }}
        />
        <InputNumber
          aria-label="几个工作日内到期"
          placeholder="N 个工作日内到期"
          min={0}
          max={30}
          style={{ width: 170 }}
          value={dueWithin}
          onChange={(v) => {
            setDueWithin(v);
            reset();
          }}
        />
        <Input.Search
          aria-label="搜索标题或编号"
          placeholder="标题或编号"
          allowClear
          style={{ width: 220 }}
          onSearch={(v) => {
            setSearch(v.trim());
            reset();
          }}
        />
      </Space>
      {error ? (
        <QueryState fetching={false} error={error} />
      ) : (
        <Table<IssueRowFragment>
          className="board-table"
          rowKey="id"
          size="small"
          loading={fetching}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1200 }}
          locale={{ emptyText: '此视图下没有诉求' }}
          columns={[
            {
              title: '红黄绿',
              key: 'colour',
              width: 110,
              render: (_, i) => <ColourMark colour={i.colour} overdue={i.overdue} />,
            },
            {
              title: '编号',
              key: 'no',
              width: 150,
              render: (_, i) => <Link to={`/desk/appeals/${i.id}`}>{i.no}</Link>,
            },
            { title: '标题', dataIndex: 'title', ellipsis: true },
            { title: '状态', key: 'status', width: 130, render: (_, i) => <StatusTag status={i.status} /> },
            {
              title: '企业',
              key: 'enterprise',
              width: 200,
              ellipsis: true,
              render: (_, i) => i.enterprise.name,
            },
            {
              title: '牵头部门',
              key: 'dept',
              width: 170,
              ellipsis: true,
              render: (_, i) => i.leadDepartment?.shortName ?? '—',
            },
            {
              title: '承办人',
              key: 'handler',
              width: 100,
              ellipsis: true,
              render: (_, i) => i.handler ?? '—',
            },
            {
              title: '办结期限',
              key: 'due',
              width: 150,
              render: (_, i) => (i.pausedSince ? '暂停（待企业补充）' : formatDateTime(i.closeDue)),
            },
          ]}
        />
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
