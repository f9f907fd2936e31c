import { Button, Card, Input, List, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import type { IssueStatus } from '../gql/graphql';
import { IssuesQuery } from '../graphql/operations';
import { ColourMark, QueryState, StatusTag } from '../shared/common';
import { ALL_STATUSES, STATUS_LABEL } from '../shared/labels';
import { formatDate } from '../shared/time';
import { useCursorPages } from '../shared/use-cursor-pages';

const PAGE = 10;

/** 我的诉求: the enterprise's own appeals (the graph shows an enterprise user only its own), newest first. */
export default function MyAppeals() {
  const [status, setStatus] = useState<IssueStatus | 'OPEN' | 'ALL'>('ALL');
  const [search, setSearch] = useState('');
  const pages = useCursorPages();
  const filter = {
    ...(status === 'OPEN' ? { open: true } : status === 'ALL' ? {} : { statuses: [status] }),
    ...(search ? { search } : {}),
  };
  const [{ data, fetching, error }] = useQuery({
    query: IssuesQuery,
    variables: { filter, first: PAGE, after: pages.after },
  });
  const conn = data?.issues;
  const rows = conn?.edges.map((e) => e.node) ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          我的诉求{conn ? `（${conn.totalCount}）` : ''}
        </Typography.Title>
        <Link to="/portal/new">
          <Button type="primary">提诉求</Button>
        </Link>
      </Space>
      <Space wrap>
        <Select
          aria-label="按状态筛选"
          style={{ width: 160 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            pages.reset();
          }}
          options={[
            { value: 'ALL', label: '全部状态' },
            { value: 'OPEN', label: '办理中（未办结）' },
            ...ALL_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] })),
          ]}
        />
        <Input.Search
          aria-label="搜索标题或编号"
          placeholder="标题或编号"
          allowClear
          style={{ width: 220 }}
          onSearch={(v) => {
            setSearch(v.trim());
            pages.reset();
          }}
        />
      </Space>
      <QueryState fetching={fetching} error={error} empty={!rows.length} emptyText="还没有诉求" />
      {rows.length > 0 && (
        <List
          dataSource={rows}
          renderItem={(i) => (
            <Card size="small" style={{ marginBottom: 8 }}>
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                  <Link to={`/portal/appeals/${i.id}`} style={{ fontWeight: 600 }}>
                    {i.title}
                  </Link>
                  <StatusTag status={i.status} />
                </Space>
                <Space wrap size="middle">
                  <Typography.Text type="secondary">{i.no}</Typography.Text>
                  <ColourMark colour={i.colour} overdue={i.overdue} />
                  <span>办结期限 {formatDate(i.closeDue)}</span>
                  <span>{i.leadDepartment ? `牵头部门 ${i.leadDepartment.name}` : '等待交办'}</span>
                </Space>
              </Space>
            </Card>
          )}
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
