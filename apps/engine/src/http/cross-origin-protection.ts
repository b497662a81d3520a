import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ForbiddenError } from '../common/errors/index.js';

/** Methods that only read; everything else changes state and is checked. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What the check looks at in a request. */
export interface RequestOrigin {
  method: string;
  /** The `Host` the request was sent to (with `BATON_TRUST_PROXY`, `X-Forwarded-Host`). */
  host: string | undefined;
  origin: string | undefined;
  referer: string | undefined;
  secFetchSite: string | undefined;
}

/** The verdict: go ahead, or refused because of the page it came from. */
export type CrossOriginVerdict = { allowed: true } | { allowed: false; from: string };

/**
 * Decides whether a state-changing request may have come from a web page of another origin (a
 * cross-site request forgery) — the way Go's `http.CrossOriginProtection` does:
 * 1. GET, HEAD and OPTIONS change nothing and pass;
 * 2. a page of an origin in `allowedOrigins` passes;
 * 3. `Sec-Fetch-Site` (sent by every current browser) decides when present: `same-origin` and
 *    `none` (typed into the address bar, a bookmark) pass, `same-site` and `cross-site` do not;
 * 4. otherwise `Origin`, else `Referer`, must name the host the request was sent to;
 * 5. a request with none of these headers is not from a browser (curl, workers, Camunda's
 *    client) and passes: it carries its credentials on purpose.
 * Hosts are compared without the scheme, so TLS ended at a proxy in front does not matter.
 */
export function crossOriginVerdict(request: RequestOrigin, allowedOrigins: ReadonlySet<string>): CrossOriginVerdict {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return { allowed: true };
  const origin = request.origin?.trim();
  if (origin !== undefined && allowedOrigins.has(origin)) return { allowed: true };

  const site = request.secFetchSite?.trim().toLowerCase();
  if (site === 'same-origin' || site === 'none') return { allowed: true };
  if (site === 'same-site' || site === 'cross-site') return { allowed: false, from: origin ?? `a ${site} page` };

  if (origin !== undefined) {
    return sameHost(origin, request.host) ? { allowed: true } : { allowed: false, from: origin };
  }
  const referer = request.referer?.trim();
  if (referer !== undefined && referer !== '') {
    const refererOrigin = originOf(referer);
    if (refererOrigin !== undefined && allowedOrigins.has(refererOrigin)) return { allowed: true };
    return sameHost(referer, request.host) ? { allowed: true } : { allowed: false, from: refererOrigin ?? referer };
  }
  return { allowed: true };
}

/**
 * Express middleware that answers 403 `REQUEST.CROSS_ORIGIN` (through the problem details
 * handler) to a state-changing request from a web page of a foreign origin, before anything
 * looks at its credentials or body: a browser that remembers credentials for the engine (HTTP
 * Basic typed into its login box) sends them along with requests other sites make it send.
 */
export function crossOriginProtection(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (request: Request, _response: Response, next: NextFunction) => {
    const verdict = crossOriginVerdict(
      {
        method: request.method,
        host: request.host,
        origin: request.get('origin'),
        referer: request.get('referer'),
        secFetchSite: request.get('sec-fetch-site'),
      },
      allowed,
    );
    if (verdict.allowed) return next();
    next(
      new ForbiddenError(
        'REQUEST.CROSS_ORIGIN',
        `Refused ${request.method} ${request.path} from a web page of ${verdict.from}: requests that change state are accepted only from the engine's own pages ` +
          `and from the origins in BATON_ALLOWED_ORIGINS`,
      ),
    );
  };
}

/** Whether the URL (an origin or a referrer) points at `host`. `Origin: null` (sandboxed or opaque pages) never does. */
function sameHost(url: string, host: string | undefined): boolean {
  if (host === undefined || host === '') return false;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
    return parsed.host === new URL(`${parsed.protocol}//${host}`).host;
  } catch {
    return false;
  }
}

function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
