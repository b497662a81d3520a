import { describe, expect, it } from 'vitest';
import { compileFixture } from '../../test/support/fixtures.js';

describe('taskVariables (zeebe:property on a process or user task)', () => {
  it('given a process list and task lists, when compiled, then the process keeps its list and each task its own (trimmed, blanks and repeats dropped)', async () => {
    const result = await compileFixture('compile/task-variables.bpmn');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const [process] = result.processes;
    expect(process!.taskVariables).toEqual(['amount', 'requester']);
    const userTask = (id: string) => {
      const element = process!.elements[id];
      if (element?.type !== 'bpmn:UserTask') throw new Error(`${id} is not a user task`);
      return element.userTask;
    };
    expect(userTask('inherits').taskVariables).toBeUndefined();
    expect(userTask('own').taskVariables).toEqual(['orderId']);
    expect(userTask('none').taskVariables).toEqual([]);
  });
});
