import { Alert, Empty, Space, Spin, Tag, Tooltip } from 'antd';
import type { CombinedError } from 'urql';
import type { IssueColour, IssueStatus } from '../gql/graphql';
import { describeError } from '../graphql/errors';
import { COLOUR_HEX, COLOUR_LABEL, STATUS_LABEL, STATUS_TAG } from './labels';

export function StatusTag({ status }: { status: IssueStatus }) {
  return <Tag color={STATUS_TAG[status]}>{STATUS_LABEL[status]}</Tag>;
}

/** 红黄绿 as a dot and its word (never colour alone), with the overdue marker 超期. */
export function ColourMark({ colour, overdue }: { colour: IssueColour; overdue?: boolean }) {
  const words = {
    RED: '红色：已超期或首次响应超时',
    YELLOW: '黄色：疑难或 2 个工作日内到期',
    GREEN: '绿色：正常办理',
  };
  return (
    <Space size={4}>
      <Tooltip title={words[colour]}>
        <span
          role="img"
          aria-label={words[colour]}
          style={{
            display: 'inline-block',
            width: 10,
            height: 10,
            borderRadius: 5,
            background: COLOUR_HEX[colour],
          }}
        />
      </Tooltip>
      <span style={{ color: COLOUR_HEX[colour] }}>{COLOUR_LABEL[colour]}</span>
      {overdue && <Tag color="red">超期</Tag>}
    </Space>
  );
}

/** Loading, failure and emptiness of a query, the same way on every page. */
export function QueryState({
  fetching,
  error,
  empty,
  emptyText = '暂无数据',
}: {
  fetching: boolean;
  error?: CombinedError;
  empty?: boolean;
  emptyText?: string;
}) {
  if (error) return <Alert type="error" showIcon message={describeError(error)} role="alert" />;
  if (fetching && empty)
    return <Spin style={{ display: 'block', margin: '48px auto' }} aria-label="加载中" />;
  if (empty) return <Empty description={emptyText} />;
  return null;
}
