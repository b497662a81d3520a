import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalProcessXml } from '../fixtures/minimal-process.js';
import { deploy } from '../support/deploy.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Cross-site request forgery against an engine a browser holds credentials for (issue 8, item 4):
 * bodies a web page can make a browser send without a CORS preflight are refused (415), requests
 * that change state from pages of other origins are refused (403), and nothing invites a browser
 * to remember Basic credentials (see auth.test.ts for the 401 challenge). Plus the security headers
 * every answer carries (item 6; the portal's CSP is checked in the browser tests).
 */
const PORTAL_ELSEWHERE = 'https://portal.example.com';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine({}, { BATON_ALLOWED_ORIGINS: `${PORTAL_ELSEWHERE}, http://tools.example.com:8443` });
  expect((await deploy(engine, [{ name: 'csrf.bpmn', content: minimalProcessXml('csrf') }])).status).toBe(200);
});
afterAll(async () => {
  await engine?.stop();
});

async function startInstance(): Promise<string> {
  const response = await engine.request('/v2/process-instances', { json: { processDefinitionId: 'csrf' } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { processInstanceKey: string }).processInstanceKey;
}

async function stateOf(key: string): Promise<string> {
  return ((await (await engine.request(`/v2/process-instances/${key}`)).json()) as { state: string }).state;
}

const cancellation = (key: string) => `/v2/process-instances/${key}/cancellation`;

describe('request bodies a browser sends cross-site without asking', () => {
  it('refuses text/plain and form bodies with 415 naming the accepted type, and changes nothing', async () => {
    const key = await startInstance();
    const forged = [
      { body: 'x', type: 'text/plain;charset=UTF-8' },
      { body: new URLSearchParams({ processInstanceKey: key }), type: 'application/x-www-form-urlencoded;charset=UTF-8' },
      { body: '', type: 'text/plain;charset=UTF-8' }, // <form enctype="text/plain"> without fields
    ];
    for (const { body, type } of forged) {
      const response = await engine.request(cancellation(key), { method: 'POST', body });
      expect(response.status, type).toBe(415);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({
        status: 415,
        title: 'UNSUPPORTED_MEDIA_TYPE',
        code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
        detail: `Expected a Content-Type of application/json for POST ${cancellation(key)} but found ${type}`,
      });
    }
    expect(await stateOf(key)).toBe('ACTIVE');
  });

  it('refuses a body without a Content-Type, but takes a bodiless POST without one, as Camunda’s client sends it', async () => {
    const key = await startInstance();
    const untyped = await engine.request(cancellation(key), { method: 'POST', body: new TextEncoder().encode('{}') });
    expect(untyped.status).toBe(415);
    expect(((await untyped.json()) as { detail: string }).detail).toBe(
      `Expected a Content-Type of application/json for the body of POST ${cancellation(key)} but the request declares none`,
    );
    expect(await stateOf(key)).toBe('ACTIVE');

    const bodiless = await engine.request(cancellation(key), { method: 'POST' });
    expect(bodiless.status).toBe(204);
    expect(await stateOf(key)).toBe('TERMINATED');
  });

  it('takes JSON everywhere and multipart only where documented (deployments)', async () => {
    const key = await startInstance();
    expect((await engine.request(cancellation(key), { json: {} })).status).toBe(204);

    const jsonDeployment = await engine.request('/v2/deployments', { json: { resources: [] } });
    expect(jsonDeployment.status).toBe(415);
    expect(((await jsonDeployment.json()) as { detail: string }).detail).toBe('Expected a Content-Type of multipart/form-data for POST /v2/deployments but found application/json');

    const form = new FormData();
    form.append('processDefinitionId', 'csrf');
    const multipartStart = await engine.request('/v2/process-instances', { method: 'POST', body: form });
    expect(multipartStart.status).toBe(415);
    expect(((await multipartStart.json()) as { detail: string }).detail).toMatch(/^Expected a Content-Type of application\/json for POST \/v2\/process-instances but found multipart\/form-data; boundary=/);

    const openapi = (await (await engine.request('/v2/api-docs/openapi.json', { user: null })).json()) as any;
    expect(Object.keys(openapi.paths['/v2/deployments'].post.requestBody.content)).toEqual(['multipart/form-data']);
    expect(Object.keys(openapi.paths['/v2/process-instances'].post.requestBody.content)).toEqual(['application/json']);
  });
});

describe('state-changing requests from web pages of other origins', () => {
  it('refuses them with 403 by Origin, Sec-Fetch-Site or Referer, before looking at credentials, and changes nothing', async () => {
    const key = await startInstance();
    const forgeries: Array<[Record<string, string>, string]> = [
      [{ Origin: 'https://evil.example' }, 'https://evil.example'],
      [{ Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }, 'https://evil.example'],
      [{ 'Sec-Fetch-Site': 'cross-site' }, 'a cross-site page'],
      [{ Origin: 'https://api.example.com', 'Sec-Fetch-Site': 'same-site' }, 'https://api.example.com'],
      [{ Origin: 'null' }, 'null'],
      [{ Referer: 'https://evil.example/attack.html' }, 'https://evil.example'],
    ];
    for (const [headers, from] of forgeries) {
      for (const user of ['demo', null]) {
        const response = await engine.request(cancellation(key), { method: 'POST', user, headers });
        expect(response.status, JSON.stringify(headers)).toBe(403);
        expect(await response.json()).toMatchObject({
          status: 403,
          title: 'FORBIDDEN',
          code: 'REQUEST.CROSS_ORIGIN',
          detail: `Refused POST ${cancellation(key)} from a web page of ${from}: requests that change state are accepted only from the engine's own pages and from the origins in BATON_ALLOWED_ORIGINS`,
        });
      }
    }
    expect(await stateOf(key)).toBe('ACTIVE');
  });

  it('lets reads through from anywhere (they change nothing, and without CORS the page cannot read the answer)', async () => {
    const response = await engine.request('/v2/topology', { headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("accepts the engine's own pages, the allowed origins, and clients that are not browsers", async () => {
    const own = new URL(engine.url);
    const accepted: Array<Record<string, string>> = [
      { Origin: own.origin, 'Sec-Fetch-Site': 'same-origin' },
      { Origin: own.origin }, // a browser that predates Sec-Fetch-Site
      { Referer: `${own.origin}/operate/instances` },
      { 'Sec-Fetch-Site': 'none' },
      { Origin: PORTAL_ELSEWHERE, 'Sec-Fetch-Site': 'cross-site' },
      { Origin: 'http://tools.example.com:8443', 'Sec-Fetch-Site': 'same-site' },
      { Referer: `${PORTAL_ELSEWHERE}/tasks` },
      {}, // curl, workers, Camunda's client
    ];
    for (const headers of accepted) {
      const key = await startInstance();
      const response = await engine.request(cancellation(key), { method: 'POST', headers });
      expect(response.status, JSON.stringify(headers)).toBe(204);
    }
  });

  it('answers the CORS preflight of an allowed origin, and not of others', async () => {
    const preflight = (origin: string) =>
      engine.request('/v2/process-instances', {
        method: 'OPTIONS',
        user: null,
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
      });
    const allowed = await preflight(PORTAL_ELSEWHERE);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PORTAL_ELSEWHERE);
    expect(allowed.headers.get('access-control-allow-headers')).toBe('Authorization,Content-Type,Accept');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();

    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('security headers', () => {
  it('sends CSP, frame, sniffing and referrer headers on API answers and on the API docs', async () => {
    for (const path of ['/v2/topology', '/v2/api-docs', '/health/live']) {
      const response = await engine.request(path);
      expect(response.status, path).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('unsafe-eval');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('same-origin');
      expect(response.headers.get('x-powered-by'), path).toBeNull();
    }
  });

  it('sends them on problem answers too', async () => {
    const response = await engine.request('/v2/nowhere');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
