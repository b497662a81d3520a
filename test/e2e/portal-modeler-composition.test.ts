import { describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';
import { deployFromEditor, openGroup, propertiesPanel, shape, showProperties } from '../support/modeler-steps.js';
import { screenshot, useOperateEngine } from '../support/operate-portal.js';

/**
 * The composition elements of issue 11 from the modeler to a running instance: anna opens a trip
 * model with compensation (boundary event, handler, intermediate throw), a transaction with a
 * cancel end event and a cancel boundary event, a complex gateway join, a standard loop, an ad-hoc
 * subprocess, an execution listener, a user task listener and a job retry backoff; she changes
 * the backoff multiplier header in the properties panel and deploys it from the modeler. The
 * engine takes it without problems or warnings, and an instance started over REST waits at its
 * first job, whose headers carry her change.
 */
const TRIP_COMPOSITION = 'test/fixtures/modeler/trip-composition.bpmn';
const { engine, openAs, rest } = useOperateEngine();

describe('portal: composition elements from the modeler', () => {
  it('deploys a model with compensation, transaction, complex gateway, loop, ad-hoc subprocess, listeners and retry backoff from the modeler; its instance waits at the first job', async () => {
    const anna = await openAs('anna', '/modeler');
    await anna.page.getByLabel('BPMN file to open').setInputFiles(TRIP_COMPOSITION);
    await anna.page.getByRole('heading', { name: 'Trip composition', level: 1 }).waitFor();
    for (const id of ['car-undo', 'release-car', 'car-undo-association', 'book-trip', 'give-up', 'booking-cancelled', 'undo-car', 'ready', 'check-visa', 'plan-activities', 'book-museum', 'book-dinner', 'notify-traveller', 'approve-trip']) {
      await shape(anna.page, id).waitFor({ state: 'attached' });
    }

    // The listeners show in their groups of the properties panel
    await showProperties(anna.page, 'notify-traveller', 'Notify traveller');
    await openGroup(propertiesPanel(anna.page), 'Execution listeners');
    await propertiesPanel(anna.page).getByText('Start: prepare-notice').waitFor();
    await showProperties(anna.page, 'approve-trip', 'Approve trip');
    await openGroup(propertiesPanel(anna.page), 'Task listeners');
    await propertiesPanel(anna.page).getByText('Completing: check-approval').waitFor();

    // anna doubles the backoff multiplier of the car reservation's retries
    await showProperties(anna.page, 'reserve-car', 'Reserve car');
    await openGroup(propertiesPanel(anna.page), 'Headers');
    const multiplier = propertiesPanel(anna.page).locator('[data-entry-id="reserve-car-header-1"]');
    await multiplier.locator('.bio-properties-panel-collapsible-entry-header').click();
    const multiplierValue = multiplier.locator('[data-entry-id="reserve-car-header-1-value"] textarea');
    expect(await multiplier.locator('[data-entry-id="reserve-car-header-1-key"] input').inputValue()).toBe('retryBackoffMultiplier');
    expect(await multiplierValue.inputValue()).toBe('2');
    await multiplierValue.fill('4');
    await anna.page.getByText('Unsaved changes').waitFor();
    await screenshot(anna.page, 'modeler-composition-desktop');

    const definitionKey = await deployFromEditor(anna.page, 'Deployed Trip composition: version 1.');
    expect(await anna.page.locator('.modeler-problems').count()).toBe(0);
    expect(anna.unexpectedProblems()).toEqual([]);
    expect((await rest('GET', `/v2/process-definitions/${definitionKey}`)).processDefinitionId).toBe('trip-composition');
    await screenshot(anna.page, 'modeler-composition-deployed-desktop');

    // What the modeler exported keeps every element and extension
    const deployed = await engine().request(`/v2/process-definitions/${definitionKey}/xml`, { method: 'GET', user: 'demo' });
    expect(deployed.status).toBe(200);
    const xml = await deployed.text();
    for (const kept of [
      /<bpmn:serviceTask id="release-car" name="Release car" isForCompensation="true">/,
      /<bpmn:association id="car-undo-association" associationDirection="One" sourceRef="car-undo" targetRef="release-car" \/>/,
      /<bpmn:compensateEventDefinition id="undo-car-definition" activityRef="reserve-car" \/>/,
      /<bpmn:transaction id="book-trip" name="Book trip">/,
      /<bpmn:cancelEventDefinition id="give-up-definition" \/>/,
      /<bpmn:activationCondition xsi:type="bpmn:tFormalExpression">=complexGateway.arrivedTokens &gt;= 2<\/bpmn:activationCondition>/,
      /<bpmn:standardLoopCharacteristics id="check-visa-loop" loopMaximum="3">\s*<bpmn:loopCondition xsi:type="bpmn:tFormalExpression">=not\(visaChecked\)<\/bpmn:loopCondition>/,
      /<zeebe:adHoc activeElementsCollection="=activities" \/>/,
      /<zeebe:executionListener eventType="start" retries="3" type="prepare-notice" \/>/,
      /<zeebe:taskListener eventType="completing" retries="3" type="check-approval" \/>/,
      /<zeebe:header key="retryBackoffMultiplier" value="4" \/>/,
    ]) {
      expect(xml).toMatch(kept);
    }

    // An instance started over REST waits at the car reservation, with anna's backoff in its headers
    const key = (await rest('POST', '/v2/process-instances', { processDefinitionKey: definitionKey, variables: { noRoom: false, visaChecked: true, activities: ['book-museum'] } })).processInstanceKey;
    const job = await eventually(
      async () => (await rest('POST', '/v2/jobs/activation', { type: 'reserve-car', timeout: 600_000, maxJobsToActivate: 10, requestTimeout: 5_000 }, 'worker')).jobs.find((j: any) => j.processInstanceKey === key),
      (found) => found !== undefined,
      'the car reservation job to be offered',
    );
    expect(job).toMatchObject({ elementId: 'reserve-car', processDefinitionKey: definitionKey, customHeaders: { retryBackoff: 'PT10S', retryBackoffMultiplier: '4' } });
  });
});
