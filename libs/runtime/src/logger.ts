import type { LoggerService, LogLevel } from '@nestjs/common';
import { pino, type Logger } from 'pino';

/**
 * Creates Baton's pino logger: JSON lines on stdout, or human-readable lines when stdout is a
 * terminal and pino-pretty is installed (it is a dev dependency). `LOG_FORMAT=json|pretty` forces one.
 */
export function createLogger(options: { level: string; name: string; format?: string }): Logger {
  const format = options.format ?? process.env.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json');
  if (format === 'pretty') {
    try {
      return pino({
        name: options.name,
        level: options.level,
        transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' } },
      });
    } catch {
      // pino-pretty is not installed (production image): fall back to JSON.
    }
  }
  return pino({ name: options.name, level: options.level });
}

/** Nest's own start-up chatter (every module and route), logged at debug instead of info. */
const FRAMEWORK_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/** Adapts pino to Nest's LoggerService, keeping Nest's `context` as a field. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    const context = params.at(-1);
    this.write(typeof context === 'string' && FRAMEWORK_CONTEXTS.has(context) ? 'debug' : 'info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }
  setLogLevels(_levels: LogLevel[]): void {}

  private write(level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal', message: unknown, params: unknown[]): void {
    // Nest passes its context as the last string parameter; before it, `error` may pass a stack,
    // and Baton code passes a message after a fields object: logger.warn({ key }, 'text').
    const context = params.length > 0 && typeof params.at(-1) === 'string' ? (params.at(-1) as string) : undefined;
    const rest = context === undefined ? params : params.slice(0, -1);
    const fields: Record<string, unknown> = context ? { context } : {};
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (message !== null && typeof message === 'object') {
      this.logger[level]({ ...fields, ...(message as object) }, typeof rest[0] === 'string' ? rest[0] : '');
    } else {
      if (typeof rest[0] === 'string') fields.stack = rest[0];
      this.logger[level](fields, String(message));
    }
  }
}
