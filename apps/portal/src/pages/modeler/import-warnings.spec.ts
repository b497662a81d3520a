import { describe, expect, it } from 'vitest';
import { describeImportWarning } from './import-warnings';

describe('describeImportWarning', () => {
  it('counts lines and columns from 1, as the engine does', () => {
    expect(describeImportWarning('unparsable content <bpmn:fooBar> detected\n\tline: 3\n\tcolumn: 4\n\tnested error: unknown type <bpmn:FooBar>')).toBe(
      'Line 4, column 5: unknown type <bpmn:FooBar> (at <bpmn:fooBar>).',
    );
  });

  it('leaves other messages alone', () => {
    expect(describeImportWarning('unresolved reference <Flow_1>')).toBe('unresolved reference <Flow_1>');
  });
});
