import { describe, expect, it } from 'vitest';
import { translateAssignmentValue } from './camunda-7-settings.js';

describe('translateAssignmentValue (a Camunda 7 assignment value in Camunda 8 terms)', () => {
  it.each([
    ['demo', { kind: 'static', value: 'demo' }],
    [' accounting, finance ', { kind: 'static', value: 'accounting, finance' }],
    ['=literal', { kind: 'static', value: '=literal' }],
    ['${reviewer}', { kind: 'feel', expression: 'reviewer' }],
    ['#{approverGroups}', { kind: 'feel', expression: 'approverGroups' }],
    ['${ reviewer_2 }', { kind: 'feel', expression: 'reviewer_2' }],
    [' ${reviewer} ', { kind: 'feel', expression: 'reviewer' }],
  ])('reads %j', (value, translated) => {
    expect(translateAssignmentValue(value)).toEqual(translated);
  });

  it.each([
    '${someBean.method()}',
    '#{jobAnnouncementService.findRequester(jobAnnouncementId)}',
    '${a.b}',
    "${'x' + y}",
    '${first}${second}',
    'group-${region}',
    '${true}',
    '${empty}',
    '${for}',
    '${}',
    '${2nd}',
  ])('refuses %j (JUEL beyond a variable reference)', (value) => {
    expect(translateAssignmentValue(value)).toBeUndefined();
  });
});
