import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { describeError, errorCode } from './errors';

const graphError = (message: string, code: string) =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: { code } })] });

describe('describeError', () => {
  it('words the graph’s codes in plain zh-CN', () => {
    expect(describeError(graphError('Forbidden', 'FORBIDDEN'))).toBe('您没有权限执行此操作');
    expect(describeError(graphError('not found', 'NOT_FOUND'))).toBe('未找到该记录，或您无权查看');
  });
  it('keeps a business message the subgraph already gave in Chinese', () => {
    expect(describeError(graphError('标题不能为空', 'BAD_USER_INPUT'))).toBe('标题不能为空');
  });
  it('never shows an internal message', () => {
    expect(describeError(graphError('数据库连接失败', 'INTERNAL_SERVER_ERROR'))).toBe(
      '服务暂时出现问题，请稍后重试',
    );
  });
  it('treats an unreachable graph as a network problem and a 401 as signed out', () => {
    expect(describeError(new CombinedError({ networkError: new Error('fetch failed') }))).toBe(
      '无法连接服务，请检查网络后重试',
    );
    const unauthorized = new CombinedError({ networkError: new Error('401'), response: { status: 401 } });
    expect(errorCode(unauthorized)).toBe('UNAUTHENTICATED');
  });
});
