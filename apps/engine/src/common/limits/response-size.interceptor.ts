import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { responseTooLarge } from './response-size.js';

/**
 * The last line against unbounded answers: serializes every JSON answer itself (once, as Express
 * would) and refuses one larger than `maxBytes` with 400 `RESPONSE.TOO_LARGE` instead of sending
 * hundreds of megabytes. Endpoints that can tell beforehand (variable searches) refuse earlier,
 * before reading the values, with a more precise hint. Strings, buffers and empty answers pass
 * untouched.
 */
export class ResponseSizeInterceptor implements NestInterceptor {
  constructor(private readonly maxBytes: number) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((body: unknown) => {
        if (body === null || typeof body !== 'object' || Buffer.isBuffer(body) || typeof (body as { getStream?: unknown }).getStream === 'function') return body;
        const text = JSON.stringify(body);
        const bytes = Buffer.byteLength(text);
        if (bytes > this.maxBytes) throw responseTooLarge('the response', bytes, this.maxBytes);
        response.type('application/json');
        return text;
      }),
    );
  }
}
