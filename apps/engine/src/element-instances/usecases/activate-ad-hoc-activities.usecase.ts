import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal.js';
import { NotFoundError } from '../../common/errors/index.js';
import { CommandExecutor } from '../../execution/command-executor.js';
import { ElementInstanceStore } from '../../stores/element-instance.store.js';
import type { ActivateAdHocActivitiesRequestDto } from '../dto/activate-ad-hoc-activities.dto.js';

/**
 * Activates inner elements of an ad-hoc subprocess instance (Camunda 8.8's activation endpoint):
 * one ACTIVATE_AD_HOC_ELEMENTS command under the instance's lock. An unknown key is 404, as
 * Camunda answers it; the core refuses keys that are not an active ad-hoc subprocess (404), one
 * that does not wait (409) and elements it cannot activate (400).
 */
@Injectable()
export class ActivateAdHocActivitiesUseCase {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly elements: ElementInstanceStore,
  ) {}

  async execute(adHocSubProcessInstanceKey: string, body: ActivateAdHocActivitiesRequestDto, principal: Principal): Promise<void> {
    const processInstanceKey = await this.elements.processInstanceOf(adHocSubProcessInstanceKey);
    if (processInstanceKey === null) throw new NotFoundError('AD_HOC_SUB_PROCESS.NOT_FOUND', `Expected an active ad-hoc subprocess instance with key ${adHocSubProcessInstanceKey} but found none`);
    await this.executor.execute(
      processInstanceKey,
      {
        type: 'ACTIVATE_AD_HOC_ELEMENTS',
        elementInstanceKey: adHocSubProcessInstanceKey,
        elements: body.elements.map((element) => ({ elementId: element.elementId, variables: element.variables ?? {} })),
        cancelRemainingInstances: body.cancelRemainingInstances ?? false,
      },
      { command: 'ACTIVATE_AD_HOC_ELEMENTS', actor: principal.username },
    );
  }
}
