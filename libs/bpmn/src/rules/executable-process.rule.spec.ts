import { describe, expect, it } from 'vitest';
import { compileFixture, describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('executable-process', {
  'no-process.bpmn': [{ message: 'Must contain at least one executable process: expected a bpmn:process with isExecutable="true" but found no process at all' }],
  'not-executable.bpmn': [
    { message: `Must contain at least one executable process: expected a bpmn:process with isExecutable="true" but found only non-executable process 'Process_docs'` },
  ],
});

describe('executable-process warnings', () => {
  it('given an executable and a documentation pool, when compiled, then only the executable process deploys and the other is named in a warning', async () => {
    const result = await compileFixture('executable-process/valid/executable-and-documentation-pool.bpmn');
    expect(result.ok && result.processes.map((process) => process.id)).toEqual(['order-handling']);
    expect(result.warnings.filter((warning) => warning.rule === 'executable-process')).toEqual([
      {
        rule: 'executable-process',
        message: `bpmn:Process 'customer-docs' is not executable (isExecutable is not "true") and is not deployed`,
        elementId: 'customer-docs',
        elementType: 'bpmn:Process',
        processId: 'customer-docs',
        resourceName: 'executable-and-documentation-pool.bpmn',
      },
    ]);
  });
});
