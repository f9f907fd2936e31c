import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from './logger';

/**
 * Stable error codes a client may branch on (`extensions.code`). Services add their own
 * domain codes (e.g. `INVALID_CREDIT_CODE`); these are the shared ones.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export interface FieldProblem {
  /** Input path, e.g. `input.creditCode` or `liaisons.0.phone`. */
  field: string;
  code: string;
  message: string;
  messageEn?: string;
}

/**
 * A business outcome the client must handle: Chinese message for people, English in
 * `extensions.messageEn` for developers, a stable `extensions.code`.
 */
export class AppError extends GraphQLError {
  constructor(code: string, message: string, messageEn: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, messageEn, ...extra } });
    this.name = 'AppError';
  }

  get code(): string {
    return this.extensions['code'] as string;
  }
}

export const badInput = (problems: FieldProblem[]): AppError => {
  const first = problems[0];
  const message =
    problems.length === 1 && first
      ? first.message
      : `输入有${problems.length}处错误：${problems.map((p) => p.message).join('；')}`;
  const messageEn =
    problems.length === 1 && first
      ? (first.messageEn ?? first.message)
      : `${problems.length} input problems: ${problems.map((p) => p.messageEn ?? p.code).join('; ')}`;
  return new AppError(
    problems.length === 1 && first ? first.code : ErrorCode.BAD_USER_INPUT,
    message,
    messageEn,
    {
      problems,
    },
  );
};

export const notFound = (what: string, whatEn: string, id: string): AppError =>
  new AppError(ErrorCode.NOT_FOUND, `${what}不存在：${id}`, `${whatEn} not found: ${id}`, { id });

export const conflict = (message: string, messageEn: string, extra: Record<string, unknown> = {}): AppError =>
  new AppError(ErrorCode.CONFLICT, message, messageEn, extra);

export const forbidden = (message = '无权执行此操作', messageEn = 'not allowed'): AppError =>
  new AppError(ErrorCode.FORBIDDEN, message, messageEn);

export const unauthenticated = (message = '请先登录', messageEn = 'authentication required'): AppError =>
  new AppError(ErrorCode.UNAUTHENTICATED, message, messageEn);

/** Codes that reach the client unchanged; anything else is an unexpected failure. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_USER_INPUT',
]);

/**
 * Apollo `formatError`: business errors pass through; unexpected ones are logged with context
 * and reach the client as INTERNAL_SERVER_ERROR without internals.
 */
export function createErrorFormatter(logger: Logger, exposeInternals = false) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof AppError) {
      return { ...formatted, extensions: { ...original.extensions } };
    }
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && CLIENT_CODES.has(code)) return formatted;
    logger.error({ err: original, path: formatted.path }, 'unexpected resolver error');
    return {
      message: '服务器内部错误，请稍后重试',
      path: formatted.path,
      locations: formatted.locations,
      extensions: {
        code: ErrorCode.INTERNAL_SERVER_ERROR,
        messageEn: 'internal server error',
        ...(exposeInternals && original instanceof Error ? { debug: original.message } : {}),
      },
    };
  };
}
