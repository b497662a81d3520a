import { describe, expect, it } from 'vitest';
import { EvaluationBudget, FeelLimitExceeded } from './evaluation-budget.js';
import { DEFAULT_FEEL_LIMITS } from './feel-limits.js';

/** Blocks this thread for `ms` without computing (as when the process waits for a core on a busy machine). */
function waitWithoutComputing(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Computes until this process spent `ms` of CPU time. */
function compute(ms: number): void {
  const start = process.cpuUsage();
  for (;;) {
    const spent = process.cpuUsage(start);
    if ((spent.user + spent.system) / 1000 >= ms) return;
  }
}

describe('EvaluationBudget time limit', () => {
  it('counts the CPU time the evaluation spent, not the time the process waited', () => {
    const budget = new EvaluationBudget({ ...DEFAULT_FEEL_LIMITS, timeoutMs: 50 }, 'x');
    waitWithoutComputing(150);

    expect(() => budget.tick()).not.toThrow();
    expect(budget.remainingMs()).toBeGreaterThan(0);
  });

  it('fails once the evaluation computed for longer than the limit', () => {
    const budget = new EvaluationBudget({ ...DEFAULT_FEEL_LIMITS, timeoutMs: 50 }, 'x');
    compute(60);

    expect(() => budget.tick()).toThrow(FeelLimitExceeded);
    expect(budget.exceeded).toBe("Expected the expression 'x' to finish within 50 ms (the FEEL time limit), but it ran longer");
  });

  it('after a wall-clock interruption, says whether CPU time is left to run again', () => {
    const waited = new EvaluationBudget({ ...DEFAULT_FEEL_LIMITS, timeoutMs: 50 }, 'x');
    waitWithoutComputing(80);
    expect(waited.extendForTimeNotSpent()).toBe(true);

    const computed = new EvaluationBudget({ ...DEFAULT_FEEL_LIMITS, timeoutMs: 50 }, 'x');
    compute(60);
    expect(computed.extendForTimeNotSpent()).toBe(false);
  });
});
