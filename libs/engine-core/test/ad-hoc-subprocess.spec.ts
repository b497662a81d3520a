import { describe, expect, it } from 'vitest';
import { completes, CoreHarness, passes } from './support/core-harness.js';

/**
 * Camunda 8.8 ad-hoc subprocess, BPMN implementation: activeElementsCollection activates inner
 * elements on entry, each in an inner instance (`<id>#inner`); the activation command adds more;
 * outputElement is collected into outputCollection; completionCondition is evaluated when an
 * inner instance completes (cancelRemainingInstances terminates the others); without a condition
 * the subprocess completes when the last inner instance did.
 */
describe('ad-hoc subprocess', () => {
  it('activates the elements of activeElementsCollection, collects their output and completes after the last flow', async () => {
    const h = await CoreHarness.load('ad-hoc.bpmn');

    expect(h.create({ initial: ['search', 'write'] }).slice(9)).toEqual([
      'ELEMENT_ACTIVATING research',
      'VARIABLE_CREATED results=[] @research',
      'ELEMENT_ACTIVATED research',
      'ELEMENT_ACTIVATING research#inner',
      'ELEMENT_ACTIVATED research#inner',
      'ELEMENT_ACTIVATING research#inner',
      'ELEMENT_ACTIVATED research#inner',
      'ELEMENT_ACTIVATING search',
      'JOB_CREATED search type=search retries=3',
      'ELEMENT_ACTIVATED search',
      'ELEMENT_ACTIVATING write',
      'JOB_CREATED write type=write retries=3',
      'ELEMENT_ACTIVATED write',
    ]);
    expect(h.completeJob('search', { result: 'found it' })).toEqual([
      'JOB_COMPLETED search',
      'ELEMENT_COMPLETING search',
      'VARIABLE_CREATED result="found it" @ad-hoc',
      'ELEMENT_COMPLETED search',
      'ELEMENT_COMPLETING research#inner',
      'VARIABLE_UPDATED results=["found it"] @research',
      'ELEMENT_COMPLETED research#inner',
    ]);
    expect(h.completeJob('write', { result: 'draft' })).toEqual([
      'JOB_COMPLETED write',
      'ELEMENT_COMPLETING write',
      'VARIABLE_UPDATED result="draft" @ad-hoc',
      'ELEMENT_COMPLETED write',
      'SEQUENCE_FLOW_TAKEN f-check',
      ...passes('check').slice(0, 3),
      'VARIABLE_UPDATED result="draft (checked)" @ad-hoc',
      'ELEMENT_COMPLETED check',
      'ELEMENT_COMPLETING research#inner',
      'VARIABLE_UPDATED results=["found it","draft (checked)"] @research',
      'ELEMENT_COMPLETED research#inner',
      'ELEMENT_COMPLETING research',
      'VARIABLE_CREATED results=["found it","draft (checked)"] @ad-hoc',
      'ELEMENT_COMPLETED research',
      'SEQUENCE_FLOW_TAKEN f-end',
      ...passes('end'),
      ...completes('ad-hoc'),
    ]);
  });

  it('without elements to activate it waits; an activation request starts an element with its variables', async () => {
    const h = await CoreHarness.load('ad-hoc.bpmn');
    expect(h.create({ initial: [] }).slice(-3)).toEqual(['ELEMENT_ACTIVATING research', 'VARIABLE_CREATED results=[] @research', 'ELEMENT_ACTIVATED research']);

    expect(h.accept({ type: 'ACTIVATE_AD_HOC_ELEMENTS', elementInstanceKey: h.element('research').elementInstanceKey, elements: [{ elementId: 'search', variables: { query: 'loans' } }], cancelRemainingInstances: false })).toEqual([
      'ELEMENT_ACTIVATING research#inner',
      'VARIABLE_CREATED query="loans" @research#inner',
      'ELEMENT_ACTIVATED research#inner',
      'ELEMENT_ACTIVATING search',
      'JOB_CREATED search type=search retries=3',
      'ELEMENT_ACTIVATED search',
    ]);
  });

  it('refuses to activate what is not an inner element without incoming flows, and keys that are no ad-hoc subprocess', async () => {
    const h = await CoreHarness.load('ad-hoc.bpmn');
    h.create({ initial: [] });
    const key = h.element('research').elementInstanceKey;

    expect(h.reject({ type: 'ACTIVATE_AD_HOC_ELEMENTS', elementInstanceKey: key, elements: [{ elementId: 'check', variables: {} }, { elementId: 'nope', variables: {} }], cancelRemainingInstances: false })).toEqual({
      kind: 'INVALID_ARGUMENT',
      code: 'AD_HOC_SUB_PROCESS.ELEMENT_NOT_ACTIVATABLE',
      message: `Expected the elements to activate in ad-hoc subprocess 'research' to be among its inner elements without incoming flows (search, write) but found 'check' (it has incoming flows), 'nope' (not an element of it)`,
    });
    expect(h.reject({ type: 'ACTIVATE_AD_HOC_ELEMENTS', elementInstanceKey: h.processInstanceKey, elements: [{ elementId: 'search', variables: {} }], cancelRemainingInstances: false })).toMatchObject({
      code: 'AD_HOC_SUB_PROCESS.NOT_FOUND',
    });
  });

  it('an active elements collection with an unknown id is an EXTRACT_VALUE_ERROR incident', async () => {
    const h = await CoreHarness.load('ad-hoc.bpmn');

    expect(h.create({ initial: ['search', 'publish'] }).slice(-2)).toEqual(['ELEMENT_ACTIVATING research', 'INCIDENT_CREATED research EXTRACT_VALUE_ERROR']);
    expect(h.incident('research').errorMessage).toBe(`Expected the active elements collection of 'research' to be a list of ids of its inner elements without incoming flows (search, write) but it holds "publish"`);
  });

  it('completes when the completion condition holds after an inner instance, terminating the others', async () => {
    const h = await CoreHarness.load('ad-hoc-condition.bpmn');
    h.create({ found: false });

    expect(h.completeJob('a')).toEqual(['JOB_COMPLETED a', ...completes('a'), ...completes('hunt#inner')]);
    h.accept({ type: 'ACTIVATE_AD_HOC_ELEMENTS', elementInstanceKey: h.element('hunt').elementInstanceKey, elements: [{ elementId: 'c', variables: {} }], cancelRemainingInstances: false });
    expect(h.completeJob('c', { found: true })).toEqual([
      'JOB_COMPLETED c',
      'ELEMENT_COMPLETING c',
      'VARIABLE_UPDATED found=true @ad-hoc-condition',
      'ELEMENT_COMPLETED c',
      ...completes('hunt#inner'),
      'ELEMENT_TERMINATING hunt#inner',
      'ELEMENT_TERMINATING b',
      'JOB_CANCELED b',
      'ELEMENT_TERMINATED b',
      'ELEMENT_TERMINATED hunt#inner',
      ...completes('hunt'),
      'SEQUENCE_FLOW_TAKEN f-end',
      ...passes('end'),
      ...completes('ad-hoc-condition'),
    ]);
  });

  it('an activation request with cancelRemainingInstances terminates the active inner instances first', async () => {
    const h = await CoreHarness.load('ad-hoc-condition.bpmn');
    h.create({ found: false });

    expect(h.accept({ type: 'ACTIVATE_AD_HOC_ELEMENTS', elementInstanceKey: h.element('hunt').elementInstanceKey, elements: [{ elementId: 'c', variables: {} }], cancelRemainingInstances: true })).toEqual([
      'ELEMENT_TERMINATING hunt#inner',
      'ELEMENT_TERMINATING a',
      'JOB_CANCELED a',
      'ELEMENT_TERMINATED a',
      'ELEMENT_TERMINATED hunt#inner',
      'ELEMENT_TERMINATING hunt#inner',
      'ELEMENT_TERMINATING b',
      'JOB_CANCELED b',
      'ELEMENT_TERMINATED b',
      'ELEMENT_TERMINATED hunt#inner',
      'ELEMENT_ACTIVATING hunt#inner',
      'ELEMENT_ACTIVATED hunt#inner',
      'ELEMENT_ACTIVATING c',
      'JOB_CREATED c type=c retries=3',
      'ELEMENT_ACTIVATED c',
    ]);
  });

  describe('job worker implementation', () => {
    const result = (elementIds: string[], fulfilled = false, cancel = false) => ({
      activateElements: elementIds.map((elementId) => ({ elementId, variables: { toolCall: elementId } })),
      isCompletionConditionFulfilled: fulfilled,
      isCancelRemainingInstances: cancel,
    });

    it('creates a job on entry and after each inner flow; its results activate elements and complete the subprocess', async () => {
      const h = await CoreHarness.load('ad-hoc-job.bpmn');

      expect(h.create().slice(8)).toEqual([
        'ELEMENT_ACTIVATING agent',
        'JOB_CREATED agent type=agent retries=3',
        'VARIABLE_CREATED toolResults=[] @agent',
        'VARIABLE_CREATED adHocSubProcessElements=[{"elementId":"search","elementName":"Search"},{"elementId":"ask","elementName":"Ask"}] @agent',
        'ELEMENT_ACTIVATED agent',
      ]);
      expect(h.accept({ type: 'COMPLETE_JOB', jobKey: h.job('agent').jobKey, variables: { agent: { step: 1 } }, adHocResult: result(['search', 'ask']) })).toEqual([
        'JOB_COMPLETED agent',
        'VARIABLE_CREATED agent={"step":1} @ad-hoc-job',
        'ELEMENT_ACTIVATING agent#inner',
        'VARIABLE_CREATED toolCall="search" @agent#inner',
        'ELEMENT_ACTIVATED agent#inner',
        'ELEMENT_ACTIVATING agent#inner',
        'VARIABLE_CREATED toolCall="ask" @agent#inner',
        'ELEMENT_ACTIVATED agent#inner',
        'ELEMENT_ACTIVATING search',
        'JOB_CREATED search type=search retries=3',
        'ELEMENT_ACTIVATED search',
        'ELEMENT_ACTIVATING ask',
        'JOB_CREATED ask type=ask retries=3',
        'ELEMENT_ACTIVATED ask',
      ]);
      expect(h.completeJob('search', { toolResult: 'found' })).toEqual([
        'JOB_COMPLETED search',
        'ELEMENT_COMPLETING search',
        'VARIABLE_CREATED toolResult="found" @ad-hoc-job',
        'ELEMENT_COMPLETED search',
        'ELEMENT_COMPLETING agent#inner',
        'JOB_CREATED agent type=agent retries=3',
        'VARIABLE_UPDATED toolResults=["found"] @agent',
        'ELEMENT_COMPLETED agent#inner',
      ]);
      expect(h.reject({ type: 'COMPLETE_JOB', jobKey: h.job('agent').jobKey, variables: {}, adHocResult: result([], true, false) })).toMatchObject({ code: 'AD_HOC_SUB_PROCESS.INVALID_JOB_RESULT' });
      expect(h.reject({ type: 'COMPLETE_JOB', jobKey: h.job('agent').jobKey, variables: {}, adHocResult: result(['ask'], true, true) })).toMatchObject({ code: 'AD_HOC_SUB_PROCESS.INVALID_JOB_RESULT' });

      expect(h.accept({ type: 'COMPLETE_JOB', jobKey: h.job('agent').jobKey, variables: { agent: { step: 2 } }, adHocResult: result([], true, true) })).toEqual([
        'JOB_COMPLETED agent',
        'VARIABLE_UPDATED agent={"step":2} @ad-hoc-job',
        'ELEMENT_TERMINATING agent#inner',
        'ELEMENT_TERMINATING ask',
        'JOB_CANCELED ask',
        'ELEMENT_TERMINATED ask',
        'ELEMENT_TERMINATED agent#inner',
        'ELEMENT_COMPLETING agent',
        'VARIABLE_CREATED toolResults=["found"] @ad-hoc-job',
        'ELEMENT_COMPLETED agent',
        'SEQUENCE_FLOW_TAKEN f-end',
        ...passes('end'),
        ...completes('ad-hoc-job'),
      ]);
    });

    it('a new inner completion replaces the job still open, so there is one job at a time', async () => {
      const h = await CoreHarness.load('ad-hoc-job.bpmn');
      h.create();
      h.accept({ type: 'COMPLETE_JOB', jobKey: h.job('agent').jobKey, variables: {}, adHocResult: result(['search', 'ask']) });
      h.completeJob('search', { toolResult: 'one' });

      expect(h.completeJob('ask', { toolResult: 'two' }).slice(-5)).toEqual([
        'ELEMENT_COMPLETING agent#inner',
        'JOB_CANCELED agent',
        'JOB_CREATED agent type=agent retries=3',
        'VARIABLE_UPDATED toolResults=["one","two"] @agent',
        'ELEMENT_COMPLETED agent#inner',
      ]);
      expect(h.jobs('agent')).toHaveLength(1);
    });
  });
});

