import type { CombinedError } from 'urql';

/** Plain zh-CN for the graph's error codes (`extensions.code`); the graph's own Chinese message is kept when it has one. */
const BY_CODE: Record<string, string> = {
  UNAUTHENTICATED: '登录已失效，请重新登录',
  FORBIDDEN: '您没有权限执行此操作',
  NOT_FOUND: '未找到该记录，或您无权查看',
  INVALID_TRANSITION: '当前状态下不能执行此操作，请刷新后查看最新状态',
  ILLEGAL_TRANSITION: '当前状态下不能执行此操作，请刷新后查看最新状态',
  CONFLICT: '内容已被他人修改，请刷新后重试',
  VERSION_CONFLICT: '内容已被他人修改，请刷新后重试',
  BAD_USER_INPUT: '填写的内容有误',
  REQUIRED: '请填写必填项',
  INVALID_LENGTH: '填写内容的长度不符合要求',
  INVALID_TEXT: '填写内容不符合要求',
  REASON_REQUIRED: '请填写原因（4–500 字）',
  REASON_TOO_SHORT: '原因写得太短，请再具体一些',
  RATING_WINDOW_CLOSED: '评价期限已过',
  PERSISTED_QUERY_NOT_FOUND: '网关尚未登记此版本的页面请求，请联系管理员更新可信文档',
  PERSISTED_QUERY_ONLY: '网关只接受已登记的请求，请联系管理员',
  REQUEST_TIMEOUT: '服务响应超时，请稍后重试',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  INTERNAL_SERVER_ERROR: '服务暂时出现问题，请稍后重试',
};

const hasChinese = (s: string): boolean => /[\u4e00-\u9fff]/.test(s);

/** The code of the first GraphQL error, or NETWORK when the graph could not be reached. */
export function errorCode(error: CombinedError): string {
  if (error.networkError && !error.graphQLErrors.length) {
    const status = (error.response as Response | undefined)?.status;
    return status === 401 ? 'UNAUTHENTICATED' : 'NETWORK';
  }
  const code = error.graphQLErrors[0]?.extensions?.['code'];
  return typeof code === 'string' ? code : 'UNKNOWN';
}

/** One line of zh-CN for a failed query or action. */
export function describeError(error: CombinedError): string {
  const code = errorCode(error);
  if (code === 'NETWORK') return '无法连接服务，请检查网络后重试';
  const message = error.graphQLErrors[0]?.message ?? '';
  // The subgraphs word their business errors in Chinese (e.g. “第18位应为‘P’”): those say more than a generic line.
  if (hasChinese(message) && code !== 'INTERNAL_SERVER_ERROR') return message;
  return BY_CODE[code] ?? '操作未成功，请稍后重试';
}
