import { describe, expect, it } from 'vitest';
import { crossOriginVerdict, type RequestOrigin } from './cross-origin-protection.js';

const ALLOWED = new Set(['https://portal.example.com']);
const post = (headers: Partial<RequestOrigin>): RequestOrigin => ({ method: 'POST', host: 'baton.example.com', origin: undefined, referer: undefined, secFetchSite: undefined, ...headers });

describe('whether a request may come from the page that sent it', () => {
  it.each<[string, Partial<RequestOrigin>]>([
    ['a read from anywhere', { method: 'GET', origin: 'https://evil.example', secFetchSite: 'cross-site' }],
    ['a client that is not a browser (no Origin, Referer or Sec-Fetch-Site)', {}],
    ['a page of the engine, by Sec-Fetch-Site', { secFetchSite: 'same-origin', origin: 'https://baton.example.com' }],
    ['the address bar or a bookmark', { secFetchSite: 'none' }],
    ['a page of the engine, by Origin (a browser without Sec-Fetch-Site)', { origin: 'https://baton.example.com' }],
    ['a page of the engine behind TLS ended at a proxy', { origin: 'https://baton.example.com', host: 'baton.example.com:443' }],
    ['a page of the engine, by Referer', { referer: 'http://baton.example.com/tasks?x=1' }],
    ['an allowed origin, cross-site', { origin: 'https://portal.example.com', secFetchSite: 'cross-site' }],
    ['an allowed origin, by Referer', { referer: 'https://portal.example.com/tasks' }],
  ])('allows %s', (_, request) => {
    expect(crossOriginVerdict(post(request), ALLOWED)).toEqual({ allowed: true });
  });

  it.each<[string, Partial<RequestOrigin>, string]>([
    ['another site', { origin: 'https://evil.example', secFetchSite: 'cross-site' }, 'https://evil.example'],
    ['another site, Sec-Fetch-Site only', { secFetchSite: 'cross-site' }, 'a cross-site page'],
    ['a sibling subdomain', { origin: 'https://other.example.com', secFetchSite: 'same-site' }, 'https://other.example.com'],
    ['another origin without Sec-Fetch-Site', { origin: 'https://evil.example' }, 'https://evil.example'],
    ['another port of the same host', { origin: 'https://baton.example.com:8443' }, 'https://baton.example.com:8443'],
    ['an opaque origin (sandboxed frame, data: URL)', { origin: 'null' }, 'null'],
    ['another site, by Referer', { referer: 'https://evil.example/x.html' }, 'https://evil.example'],
    ['a DELETE from another site', { method: 'DELETE', origin: 'https://evil.example' }, 'https://evil.example'],
  ])('refuses %s', (_, request, from) => {
    expect(crossOriginVerdict(post(request), ALLOWED)).toEqual({ allowed: false, from });
  });
});
