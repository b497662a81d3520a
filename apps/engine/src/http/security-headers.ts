import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * The Content-Security-Policy of every answer (portal, Swagger UI, API). The portal is built by
 * Vite into files served by the engine, so everything it loads is the engine's own ('self'):
 * - scripts only from the engine's own files — no inline scripts, no eval, no other hosts; the
 *   portal, bpmn-js, form-js and Swagger UI need nothing more;
 * - styles from the engine's own files and inline: bpmn-js, diagram-js, the properties panel
 *   and form-js set `style` attributes and inject `<style>` elements, Swagger UI's page has
 *   `<style>` blocks;
 * - images from the engine and `data:`/`blob:` URIs (the modeler's SVG icons and cursors, form
 *   images given as data), fonts from the engine and `data:` (the bpmn-js icon font is embedded);
 * - no plugins, no `<base>` elsewhere, forms submit only to the engine, and no other site may
 *   frame the portal (`frame-ancestors 'none'`: clickjacking).
 */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Security headers on every answer, by helmet: the CSP above; `X-Frame-Options: DENY` for
 * browsers that predate `frame-ancestors`; `X-Content-Type-Options: nosniff` (an answer is never
 * run as something else than its declared type); `Referrer-Policy: same-origin` (no URL of the
 * engine leaks to other sites, and the engine's own requests keep their `Origin`, which the
 * cross-origin check reads); `Cross-Origin-Opener-Policy` and `-Resource-Policy: same-origin`.
 *
 * Not sent: `Strict-Transport-Security` — Baton serves plain HTTP and does not know the
 * public host name; HSTS belongs to whoever terminates TLS in front of it. Nor
 * `upgrade-insecure-requests`, which would break an installation served over plain HTTP.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: false,
  }) as RequestHandler;
}
