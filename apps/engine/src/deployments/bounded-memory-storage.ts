import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { PayloadTooLargeError } from '../common/errors/index.js';

/**
 * Multer storage that keeps a deployment's files in memory, as multer's own memory storage does,
 * but bounds their sum: a request announcing more than `maxTotalBytes` (Content-Length) is refused
 * at its first file, before its body is read; one that turns out larger (chunked) is refused as
 * soon as the running total passes the bound, so no more than that is ever buffered.
 * (`limits.fileSize` bounds each file; this bounds the deployment, like Camunda's 4 MB request
 * size for deploying.)
 */
export class BoundedMemoryStorage implements StorageEngine {
  private readonly received = new WeakMap<Request, number>();

  constructor(private readonly maxTotalBytes: number) {}

  _handleFile(request: Request, file: Express.Multer.File, callback: (error?: unknown, info?: Partial<Express.Multer.File>) => void): void {
    const announced = Number(request.headers['content-length']);
    if (Number.isFinite(announced) && announced > this.maxTotalBytes + MULTIPART_ALLOWANCE_BYTES) {
      file.stream.resume();
      callback(this.tooLarge(`the request is ${announced} bytes`));
      return;
    }
    const chunks: Buffer[] = [];
    let failed = false;
    file.stream.on('data', (chunk: Buffer) => {
      if (failed) return;
      const total = (this.received.get(request) ?? 0) + chunk.length;
      this.received.set(request, total);
      if (total > this.maxTotalBytes) {
        failed = true;
        chunks.length = 0;
        callback(this.tooLarge(`they pass ${this.maxTotalBytes} bytes at '${file.originalname}'`));
        return;
      }
      chunks.push(chunk);
    });
    file.stream.on('end', () => {
      if (failed) return;
      const buffer = Buffer.concat(chunks);
      callback(null, { buffer, size: buffer.length });
    });
  }

  _removeFile(_request: Request, file: Express.Multer.File, callback: (error: Error | null) => void): void {
    delete (file as Partial<Express.Multer.File>).buffer;
    callback(null);
  }

  private tooLarge(found: string): PayloadTooLargeError {
    return new PayloadTooLargeError(
      'DEPLOYMENT.TOO_LARGE',
      `Expected the files of one deployment to total at most ${this.maxTotalBytes} bytes (BATON_MAX_DEPLOYMENT_BYTES) but ${found}; deploy the resources in several deployments`,
    );
  }
}

/** Room for the multipart framing (boundaries, part headers, the tenantId field) around the files. */
const MULTIPART_ALLOWANCE_BYTES = 64 * 1024;
