import { describe, expect, it } from 'vitest';
import { DEFAULT_FEEL_LIMITS } from '#feel';
import { loadConfig } from './baton-config.js';

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
      /BATON_FEEL_TIMEOUT_MS must be an integer between 1 and 60000, but is '0'(.|\n)*BATON_FEEL_MAX_RANGE must be an integer >= 1, but is 'many'(.|\n)*BATON_FEEL_MAX_LIST_LENGTH must be an integer >= 1, but is '-1'/,
    );
    expect(() => loadConfig({ BATON_FEEL_TIMEOUT_MS: '600000' })).toThrow(/BATON_FEEL_TIMEOUT_MS must be an integer between 1 and 60000, but is '600000'/);
  });
});
