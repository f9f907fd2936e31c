import { GraphQLError } from 'graphql';

/** Extensions a client may see; everything else (URLs, stacks, upstream responses) stays inside. */
const INTERNAL_EXTENSIONS = new Set([
  'stacktrace',
  'exception',
  'request',
  'response',
  'serviceName',
  'subgraph',
  'unexpected',
  'originalError',
  'debug',
]);

/** zh-CN messages for the codes the gateway itself (and its runtime) answers with. */
const KNOWN: Record<string, { message: string; messageEn: string; status?: number } | undefined> = {
  GRAPHQL_PARSE_FAILED: { message: '查询语法错误', messageEn: 'the document does not parse', status: 400 },
  GRAPHQL_VALIDATION_FAILED: {
    message: '查询与接口定义不符',
    messageEn: 'the document does not match the schema',
    status: 400,
  },
  PERSISTED_QUERY_NOT_FOUND: {
    message: '未登记的查询（可信文档中没有这个哈希）',
    messageEn: 'no trusted document has this hash',
    status: 400,
  },
  PERSISTED_QUERY_ONLY: {
    message: '只接受已登记的查询（可信文档）',
    messageEn: 'only registered (trusted) documents may run',
    status: 400,
  },
  BAD_REQUEST: { message: '请求格式错误', messageEn: 'bad request', status: 400 },
};

/** graphql-js's messages for variables that do not fit the operation's declared types. */
const VARIABLE = /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)" /;
const AT = / at "([^"]+)"/;
/** The Rust query planner refusing to parse a document graphql-js accepted. */
const PLANNER_PARSE = /^(Error: )?Failed to parse query/;

/** A request past its deadline: here, and in the deadline plugin's own answer. */
export const REQUEST_TIMEOUT = {
  code: 'REQUEST_TIMEOUT',
  message: '请求处理超时，请稍后重试或缩小查询范围',
  messageEn: 'the request ran past its deadline',
} as const;

/** Error codes from the runtime's subgraph transport that mean the subgraph could not answer. */
const UNAVAILABLE =
  /^(DOWNSTREAM_SERVICE_ERROR|SUBREQUEST_HTTP_ERROR|SUBGRAPH_ERROR|ECONN|UND_ERR|FETCH_ERROR)/;
const TIMEOUT = /^(GATEWAY_TIMEOUT|TIMEOUT_ERROR|UPSTREAM_TIMEOUT|ABORT_ERR|ETIMEDOUT)/;

function httpStatus(ext: Record<string, unknown>): number | undefined {
  const http = ext['http'] as { status?: unknown } | undefined;
  return typeof http?.status === 'number' ? http.status : undefined;
}

function subgraphOf(err: GraphQLError): string | undefined {
  const ext = err.extensions ?? {};
  const name = ext['serviceName'] ?? ext['subgraph'] ?? ext['subgraphName'];
  return typeof name === 'string' ? name : undefined;
}

/** A message quoting the client's input stays readable (a 100,000-character value is cut). */
const clip = (text: string, max = 300): string => (text.length > max ? `${text.slice(0, max)}…` : text);

/** Scrub a message of anything that names an internal address. */
const scrub = (message: string): string =>
  message
    .replace(/https?:\/\/[^\s"'`)]+/g, '[internal]')
    .replace(/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b/g, '[internal]');

/**
 * Every error a client sees has a stable `extensions.code`, a zh-CN message (English in
 * `messageEn`), no internal URL, stack or upstream response; a subgraph that is down or too slow
 * is named (`service`) so the client can show the rest of the data and say what is missing.
 */
export function normalizeError(err: GraphQLError): GraphQLError {
  const ext = (err.extensions ?? {}) as Record<string, unknown>;
  const rawCode = typeof ext['code'] === 'string' ? ext['code'] : undefined;
  const service = subgraphOf(err);
  const original = err.originalError as (Error & { code?: string; name?: string }) | undefined;
  const signal = `${rawCode ?? ''} ${original?.code ?? ''} ${original?.name ?? ''} ${err.message}`;

  let code = rawCode;
  let message = err.message;
  let messageEn = typeof ext['messageEn'] === 'string' ? ext['messageEn'] : undefined;
  const keep: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ext)) if (!INTERNAL_EXTENSIONS.has(k)) keep[k] = v;

  const timedOut = (rawCode && TIMEOUT.test(rawCode)) || /timed? ?out|timeout|aborted|deadline/i.test(signal);
  const unavailable =
    (rawCode && UNAVAILABLE.test(rawCode)) ||
    /fetch failed|ECONNREFUSED|ECONNRESET|socket hang up|other side closed|EHOSTUNREACH|ENOTFOUND|Unexpected response|Response not successful|non-2\d\d|status code 5\d\d/i.test(
      signal,
    );

  // A code the subgraph chose (NOT_FOUND, FORBIDDEN, …) is its answer, not a transport failure.
  const transport = !rawCode || UNAVAILABLE.test(rawCode) || TIMEOUT.test(rawCode);
  // The client's input comes first: its text may say anything (a type named DeadlineRuleInput,
  // a value reading "timeout"), so it is never taken for a transport failure.
  if (!code && !service && VARIABLE.test(err.message)) {
    // graphql-js coercing the variables against the operation (a wrong type, an unknown enum value
    // or input field, a missing required one): the client's input, said with the variable's path.
    const m = VARIABLE.exec(err.message) as RegExpExecArray;
    const field = AT.exec(err.message)?.[1] ?? (m[1] as string);
    code = 'BAD_USER_INPUT';
    message = `变量 $${m[1]} 的值不符合其类型（${clip(field)}）`;
    messageEn = clip(err.message);
    keep['field'] = clip(field);
    keep['http'] = { status: 400 };
  } else if (
    (!code || (code === 'INTERNAL_SERVER_ERROR' && ext['unexpected'])) &&
    !service &&
    PLANNER_PARSE.test(err.message)
  ) {
    // The query planner reads the document again, more strictly than graphql-js in one respect:
    // an integer literal must fit 32 bits even where a Float is expected. The runtime reports it
    // bare or wrapped as unexpected, depending on how the planner's error crossed into JavaScript.
    const detail = err.message.replace(/^Error: /, '');
    code = 'GRAPHQL_PARSE_FAILED';
    message = /fit in target type/.test(detail)
      ? '查询语法错误：整数字面量超出 32 位范围（浮点数请写成 1e20 这样的形式，或用变量传递）'
      : `查询语法错误：${clip(scrub(detail))}`;
    messageEn = clip(scrub(detail));
    delete keep['unexpected'];
    keep['http'] = { status: 400 };
  } else if (service && transport && (timedOut || unavailable)) {
    code = timedOut ? 'SUBGRAPH_TIMEOUT' : 'SUBGRAPH_UNAVAILABLE';
    message = timedOut
      ? `“${service}”服务响应超时，其余数据照常返回`
      : `“${service}”服务暂时不可用，其余数据照常返回`;
    messageEn = timedOut
      ? `the ${service} service did not answer in time; the rest of the data is returned`
      : `the ${service} service is unavailable; the rest of the data is returned`;
    delete keep['http'];
  } else if (!service && timedOut && transport) {
    ({ code, message, messageEn } = REQUEST_TIMEOUT);
    keep['http'] = { status: 504 };
  } else if (code?.startsWith('QUERY_TOO_') || code === 'UNAUTHENTICATED') {
    // The gateway's own refusals keep their status whatever the Accept header.
    keep['http'] = { status: code === 'UNAUTHENTICATED' ? 401 : 400 };
  } else if (code && KNOWN[code]) {
    const known = KNOWN[code] as { message: string; messageEn: string; status?: number };
    messageEn ??= clip(scrub(err.message)) || known.messageEn;
    message =
      code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED'
        ? `${known.message}：${clip(scrub(err.message))}`
        : known.message;
    if (known.status && !keep['http']) keep['http'] = { status: known.status };
  } else if (!code && httpStatus(ext) && (httpStatus(ext) as number) < 500) {
    // The runtime's own request refusals (CSRF prevention, a bad method or body) come without a code.
    const status = httpStatus(ext) as number;
    if (/csrf/i.test(err.message)) {
      code = 'CSRF_PREVENTED';
      message = '跨站请求被拒绝：请以 application/json 发送，或带上 x-graphql-csrf 请求头';
      messageEn = 'possible CSRF: send application/json, or the x-graphql-csrf header';
    } else {
      code = status === 405 ? 'METHOD_NOT_ALLOWED' : 'BAD_REQUEST';
      message = status === 405 ? '不支持的请求方法' : `请求格式错误：${scrub(err.message)}`;
      messageEn = scrub(err.message);
    }
    keep['http'] = { status };
  } else if (!code || code === 'INTERNAL_SERVER_ERROR') {
    code = 'INTERNAL_SERVER_ERROR';
    message = '服务器内部错误，请稍后重试';
    messageEn = 'internal server error';
  }
  return new GraphQLError(scrub(message), {
    nodes: err.nodes,
    source: err.source,
    positions: err.positions,
    path: err.path,
    extensions: {
      ...keep,
      code,
      ...(messageEn ? { messageEn: scrub(messageEn) } : {}),
      ...(service ? { service } : {}),
    },
  });
}
