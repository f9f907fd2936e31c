import { GraphQLError } from 'graphql';
import { normalizeError } from './errors';

describe('normalizeError', () => {
  it('answers variables that do not fit the operation as BAD_USER_INPUT naming the path', () => {
    const e = normalizeError(
      new GraphQLError(
        'Variable "$v0" got invalid value "NOT_A_VALUE" at "v0.members[2].role"; Value "NOT_A_VALUE" does not exist in "SignOffRole" enum.',
      ),
    );
    expect(e.message).toBe('变量 $v0 的值不符合其类型（v0.members[2].role）');
    expect(e.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'v0.members[2].role',
      http: { status: 400 },
    });
    expect(String(e.extensions['messageEn'])).toContain('does not exist in "SignOffRole" enum');
    const missing = normalizeError(
      new GraphQLError('Variable "$id" of required type "ID!" was not provided.'),
    );
    expect(missing.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('never takes what a variable error quotes for a timeout or an outage', () => {
    for (const message of [
      'Variable "$v0" got invalid value { regionCode: "331002001", unknown7: "x" } at "v0"; Field "unknown7" is not defined by type "DeadlineRuleInput".',
      'Variable "$v0" got invalid value "timeout: fetch failed, ECONNREFUSED"; Int cannot represent non-integer value.',
    ]) {
      const e = normalizeError(new GraphQLError(message));
      expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', http: { status: 400 } });
    }
  });

  it('cuts a quoted 100,000-character value out of the message', () => {
    const e = normalizeError(
      new GraphQLError(`Variable "$v0" got invalid value "${'x'.repeat(100_000)}"; Int cannot represent it.`),
    );
    expect(String(e.extensions['messageEn']).length).toBeLessThan(400);
  });

  it('answers a document the query planner cannot read as GRAPHQL_PARSE_FAILED', () => {
    const e = normalizeError(
      new GraphQLError(
        'Failed to parse query: Parse error at 1:103\nnumber too small to fit in target type\n',
      ),
    );
    expect(e.extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED', http: { status: 400 } });
    expect(e.message).toContain('整数字面量超出 32 位范围');
    const wrapped = normalizeError(
      new GraphQLError(
        'Error: Failed to parse query: Parse error at 1:9\nnumber too large to fit in target type',
        {
          extensions: { code: 'INTERNAL_SERVER_ERROR', unexpected: true },
        },
      ),
    );
    expect(wrapped.extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED' });
    expect(wrapped.extensions['unexpected']).toBeUndefined();
  });

  it('still hides an unexpected error', () => {
    const e = normalizeError(new GraphQLError('Cannot read properties of undefined'));
    expect(e.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    expect(e.message).toBe('服务器内部错误，请稍后重试');
  });
});
