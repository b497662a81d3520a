import { describe, expect, it } from 'vitest';
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
