import { Injectable } from '@nestjs/common';
import type { SearchRequestDto } from '../common/search/search-request.dto.js';
import { processInstanceNotFound } from '../process-instances/process-instance-errors.js';
import type { MyRequestDetailsDto, MyRequestSearchResultDto } from './my-request.dto.js';
import { toMyRequestDto, toRequestStepDto } from './my-request.mapper.js';
import { MyRequestQueryRepository } from './my-request-query.repository.js';

/** The requester's own instances: a page of them with their current steps, or one with all its steps. */
@Injectable()
export class MyRequestsUseCase {
  constructor(private readonly requests: MyRequestQueryRepository) {}

  async search(request: SearchRequestDto, requester: string): Promise<MyRequestSearchResultDto> {
    const { rows, page } = await this.requests.search(request, requester);
    const active = rows.filter((instance) => instance.state === 'ACTIVE').map((instance) => instance.processInstanceKey);
    const steps = await this.requests.steps(active, true);
    return { items: rows.map((instance) => toMyRequestDto(instance, steps.filter((step) => step.processInstanceKey === instance.processInstanceKey))), page };
  }

  async get(processInstanceKey: string, requester: string): Promise<MyRequestDetailsDto> {
    const instance = await this.requests.findOwn(processInstanceKey, requester);
    if (!instance) throw processInstanceNotFound(processInstanceKey);
    const steps = await this.requests.steps([processInstanceKey], false);
    return { ...toMyRequestDto(instance, steps), steps: steps.map(toRequestStepDto) };
  }
}
