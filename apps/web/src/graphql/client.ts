import { Client, fetchExchange, makeOperation, mapExchange, type Exchange } from 'urql';
import { getSession, setSession } from '../auth/session';
import { errorCode } from './errors';

/** The hash GraphQL Codegen's client preset embeds in each document (`sha256:<hex>`). */
const hashOf = (query: unknown): string | undefined =>
  (query as { __meta__?: { hash?: string } }).__meta__?.hash;

/**
 * Production: the request carries the trusted document's hash only (`documentId`), never the
 * text; the gateway runs the document it has registered under that hash.
 */
export const hashOnlyExchange: Exchange = mapExchange({
  onOperation(operation) {
    if (operation.kind === 'teardown') return operation;
    const documentId = hashOf(operation.query);
    if (!documentId) throw new Error('an operation without a trusted-document hash');
    return makeOperation(
      operation.kind,
      { ...operation, query: { kind: 'Document', definitions: [], documentId } as never },
      operation.context,
    );
  },
});

/**
 * An expired or refused token: forget it and go to sign-in, coming back here afterwards
 * (forms keep their drafts in sessionStorage, so nothing typed is lost).
 */
const unauthenticatedExchange = (onUnauthenticated: () => void): Exchange =>
  mapExchange({
    onResult(result) {
      if (result.error && errorCode(result.error) === 'UNAUTHENTICATED') {
        setSession(null);
        onUnauthenticated();
      }
      return result;
    },
  });

export function createGraphClient(options: {
  hashOnly: boolean;
  onUnauthenticated: () => void;
  url?: string;
}): Client {
  return new Client({
    url: options.url ?? '/graphql',
    // No document cache: every page asks the graph (counts, deadlines and colours change with
    // time and with other people's work), and pages refetch after each action.
    exchanges: [
      unauthenticatedExchange(options.onUnauthenticated),
      ...(options.hashOnly ? [hashOnlyExchange] : []),
      fetchExchange,
    ],
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetchOptions: (): RequestInit => {
      const token = getSession()?.token;
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      return { headers };
    },
  });
}
