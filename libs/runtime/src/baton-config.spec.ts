import { describe, expect, it } from 'vitest';
import { DEFAULT_FEEL_LIMITS } from '#feel';
import { ConfigError, loadConfig, MAX_VARIABLE_DEPTH } from './baton-config.js';

describe('limits configuration', () => {
  it('given nothing set, then the documented defaults apply', () => {
    expect(loadConfig({}).limits).toEqual({ maxVariableDepth: 28, maxResponseBytes: 16 * 1024 * 1024, maxDeploymentBytes: 4 * 1024 * 1024 });
    expect(MAX_VARIABLE_DEPTH).toBe(28);
  });

  it('given values, then they are read', () => {
    const config = loadConfig({ BATON_MAX_VARIABLE_DEPTH: '10', BATON_MAX_RESPONSE_BYTES: '8388608', BATON_MAX_DEPLOYMENT_BYTES: '10485760' });
    expect(config.limits).toEqual({ maxVariableDepth: 10, maxResponseBytes: 8388608, maxDeploymentBytes: 10485760 });
  });

  it('given a depth above what the database holds, a response limit below the body limit, or nonsense, then the start fails naming each', () => {
    const error = (() => {
      try {
        loadConfig({ BATON_MAX_VARIABLE_DEPTH: '29', BATON_MAX_RESPONSE_BYTES: '2048', BATON_MAX_DEPLOYMENT_BYTES: 'lots' });
      } catch (caught) {
        return caught;
      }
      throw new Error('expected a ConfigError');
    })() as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems).toEqual([
      "BATON_MAX_VARIABLE_DEPTH must be an integer from 1 to 28, but is '29'",
      "BATON_MAX_DEPLOYMENT_BYTES must be an integer >= 1024, but is 'lots'",
      'BATON_MAX_RESPONSE_BYTES must be at least BATON_MAX_BODY_BYTES (4194304) so that every accepted variable can be read back, but is 2048',
    ]);
  });
});

describe('the security configuration', () => {
  it('defaults to the engine’s own origin only, no trusted proxy, and the documented sign-in limits', () => {
    expect(loadConfig({}).security).toEqual({
      allowedOrigins: [],
      trustProxy: false,
      signIn: { userFailures: 5, addressFailures: 20, lockoutSeconds: 1, maxLockoutSeconds: 300, windowSeconds: 900 },
    });
  });

  it('reads allowed origins as a comma-separated list, normalised to scheme://host[:port]', () => {
    const config = loadConfig({ BATON_ALLOWED_ORIGINS: ' https://Portal.Example.com/ ,http://tools.example.com:8443,https://x.example.com:443' });
    expect(config.security.allowedOrigins).toEqual(['https://portal.example.com', 'http://tools.example.com:8443', 'https://x.example.com']);
  });

  it('refuses origins with a path, another scheme, or no scheme, naming each', () => {
    expect(() => loadConfig({ BATON_ALLOWED_ORIGINS: 'https://portal.example.com/app,ftp://files.example.com,portal.example.com' })).toThrow(
      /has 'https:\/\/portal\.example\.com\/app'(.|\n)*has 'ftp:\/\/files\.example\.com'(.|\n)*has 'portal\.example\.com'/,
    );
  });

  it.each([
    ['', false],
    ['false', false],
    ['true', true],
    ['2', 2],
    ['loopback', ['loopback']],
    ['loopback, 10.0.0.0/8, 2001:db8::/32, 192.0.2.7', ['loopback', '10.0.0.0/8', '2001:db8::/32', '192.0.2.7']],
  ])('reads BATON_TRUST_PROXY=%j as Express’s trust proxy %j', (raw, expected) => {
    expect(loadConfig({ BATON_TRUST_PROXY: raw }).security.trustProxy).toEqual(expected);
  });

  it('refuses a trust proxy entry that is neither a named range nor an address or subnet', () => {
    expect(() => loadConfig({ BATON_TRUST_PROXY: 'loopback,proxy.example.com,10.0.0.0/33' })).toThrow(
      "BATON_TRUST_PROXY must be true, false, a number of proxy hops, or a comma-separated list of addresses or subnets, but has 'proxy.example.com', '10.0.0.0/33'",
    );
  });

  it('refuses a longest wait below the first one', () => {
    expect(() => loadConfig({ BATON_SIGNIN_LOCKOUT_SECONDS: '60', BATON_SIGNIN_MAX_LOCKOUT_SECONDS: '30' })).toThrow(
      'BATON_SIGNIN_MAX_LOCKOUT_SECONDS (30) must not be less than BATON_SIGNIN_LOCKOUT_SECONDS (60)',
    );
  });
});


describe('loadConfig: FEEL limits', () => {
  it('given no FEEL variables, when loaded, then the limits are libs/feel’s defaults', () => {
    expect(loadConfig({}).feel).toEqual(DEFAULT_FEEL_LIMITS);
  });

  it('given the BATON_FEEL_* variables, when loaded, then each sets its limit', () => {
    const config = loadConfig({
      BATON_FEEL_TIMEOUT_MS: '250',
      BATON_FEEL_MAX_RANGE: '5000',
      BATON_FEEL_MAX_ITERATIONS: '20000',
      BATON_FEEL_MAX_STRING_LENGTH: '1000',
      BATON_FEEL_MAX_LIST_LENGTH: '300',
    });
    expect(config.feel).toEqual({ timeoutMs: 250, maxRange: 5000, maxIterations: 20000, maxStringLength: 1000, maxListLength: 300 });
  });

  it('given invalid FEEL variables, when loaded, then every one is listed', () => {
    expect(() => loadConfig({ BATON_FEEL_TIMEOUT_MS: '0', BATON_FEEL_MAX_RANGE: 'many', BATON_FEEL_MAX_LIST_LENGTH: '-1' })).toThrow(
      /BATON_FEEL_TIMEOUT_MS must be an integer from 1 to 60000, but is '0'(.|\n)*BATON_FEEL_MAX_RANGE must be an integer >= 1, but is 'many'(.|\n)*BATON_FEEL_MAX_LIST_LENGTH must be an integer >= 1, but is '-1'/,
    );
    expect(() => loadConfig({ BATON_FEEL_TIMEOUT_MS: '600000' })).toThrow(/BATON_FEEL_TIMEOUT_MS must be an integer from 1 to 60000, but is '600000'/);
  });
});

describe('passwords and the first admin', () => {
  it('given nothing set, then passwords need 12 characters and no first admin is configured', () => {
    expect(loadConfig({}).auth).toMatchObject({ passwordMinLength: 12, initialAdmin: null });
  });

  it('given BATON_ADMIN_USERNAME and BATON_ADMIN_PASSWORD, then they are the first admin', () => {
    const config = loadConfig({ BATON_ADMIN_USERNAME: ' ada ', BATON_ADMIN_PASSWORD: 'a long passphrase', BATON_PASSWORD_MIN_LENGTH: '16' });
    expect(config.auth).toMatchObject({ passwordMinLength: 16, initialAdmin: { username: 'ada', password: 'a long passphrase' } });
  });

  it('given only one of the two, a bad name or a short password, then the start fails naming it', () => {
    expect(() => loadConfig({ BATON_ADMIN_USERNAME: 'ada' })).toThrow(/BATON_ADMIN_USERNAME and BATON_ADMIN_PASSWORD must be set together \(the first admin\), but only BATON_ADMIN_USERNAME is set/);
    expect(() => loadConfig({ BATON_ADMIN_PASSWORD: 'a long passphrase' })).toThrow(/but only BATON_ADMIN_PASSWORD is set/);
    expect(() => loadConfig({ BATON_ADMIN_USERNAME: 'ada lovelace', BATON_ADMIN_PASSWORD: 'a long passphrase' })).toThrow(/BATON_ADMIN_USERNAME must be 1-128 letters, digits or _ @ \. \+ -, but is 'ada lovelace'/);
    expect(() => loadConfig({ BATON_ADMIN_USERNAME: 'ada', BATON_ADMIN_PASSWORD: 'short' })).toThrow(/BATON_ADMIN_PASSWORD must have at least 12 characters \(BATON_PASSWORD_MIN_LENGTH\), but has 5/);
    expect(() => loadConfig({ BATON_PASSWORD_MIN_LENGTH: '0' })).toThrow(/BATON_PASSWORD_MIN_LENGTH must be an integer from 1 to 1024, but is '0'/);
  });
});
