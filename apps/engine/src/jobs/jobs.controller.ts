import { Body, Controller, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, RequirePermission } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { ConflictError } from '../common/errors/index.js';
import { KeyParam } from '../common/key-param.pipe.js';
import { SearchRequestDto } from '../common/search/search-request.dto.js';
import { InstanceLookup } from '../execution/instance-lookup.js';
import {
  ActivatedJobDto,
  ActivateJobRequestDto,
  ActivateJobsRequestDto,
  ActivateJobsResultDto,
  CompleteJobRequestDto,
  FailJobRequestDto,
  JobSearchResultDto,
  ThrowJobErrorRequestDto,
  UpdateJobRequestDto,
} from './dto/job.dto.js';
import { JobActivation } from './job-activation.js';
import { JOB_SEARCH, JobQueryRepository } from './job-query.repository.js';
import { JobCommandsUseCase } from './usecases/job-commands.usecase.js';
import { ApiProblemResponse } from '../common/openapi/problem-responses.js';
import { ApiSearchBody } from '../common/openapi/search-body.decorator.js';

@ApiTags('Jobs')
@Controller('v2/jobs')
export class JobsController {
  constructor(
    private readonly activation: JobActivation,
    private readonly commands: JobCommandsUseCase,
    private readonly jobs: JobQueryRepository,
    private readonly lookup: InstanceLookup,
  ) {}

  @Post('activation')
  @HttpCode(200)
  @RequirePermission('job:work')
  @ApiOperation({ summary: 'Activate jobs of a type (Camunda 8 shape); long-polls up to requestTimeout, answering as soon as jobs appear.' })
  @ApiOkResponse({ type: ActivateJobsResultDto })
  async activate(@Body() body: ActivateJobsRequestDto, @Res({ passthrough: true }) response: Response, @CurrentPrincipal() principal: Principal): Promise<ActivateJobsResultDto> {
    // The client going away ends the long poll: jobs must not be activated for a closed connection.
    const aborted = new AbortController();
    response.on('close', () => {
      if (!response.writableFinished) aborted.abort();
    });
    const jobs = await this.activation.activateByType({ ...body, worker: body.worker ?? principal.username }, aborted.signal);
    return { jobs };
  }

  @Post(':jobKey/activation')
  @ApiProblemResponse(409, 'Someone else has the job, or its backoff or an incident holds it (JOB.NOT_ACTIVATABLE).')
  @HttpCode(200)
  @RequirePermission('job:work')
  @ApiOperation({ summary: 'Activate one job by key (Baton addition: how BullMQ workers claim the job a queue entry names). 409 when it is not activatable.' })
  @ApiOkResponse({ type: ActivatedJobDto })
  async activateOne(@Param('jobKey', KeyParam) jobKey: string, @Body() body: ActivateJobRequestDto, @CurrentPrincipal() principal: Principal): Promise<ActivatedJobDto> {
    const job = await this.activation.activateByKey(jobKey, { ...body, worker: body.worker ?? principal.username });
    if (job) return job;
    await this.lookup.ofJob(jobKey); // 404 when unknown
    throw new ConflictError('JOB.NOT_ACTIVATABLE', `Job ${jobKey} cannot be activated now: another worker has it, it is waiting for its backoff or an incident, or it has ended`);
  }

  @Post(':jobKey/completion')
  @ApiProblemResponse(409, 'The job is not activated, failed without retries, threw an error, or its element no longer waits for it (JOB.NOT_ACTIVATED, JOB.NOT_ACTIVE, JOB.ELEMENT_NOT_WAITING).')
  @HttpCode(204)
  @RequirePermission('job:work')
  @ApiOperation({ summary: 'Complete a job with variables.' })
  @ApiNoContentResponse()
  complete(@Param('jobKey', KeyParam) jobKey: string, @Body() body: CompleteJobRequestDto, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.commands.complete(jobKey, body, principal);
  }

  @Post(':jobKey/failure')
  @ApiProblemResponse(409, 'The job is not activated, failed without retries, threw an error, or its element no longer waits for it (JOB.NOT_ACTIVATED, JOB.NOT_ACTIVE, JOB.ELEMENT_NOT_WAITING).')
  @HttpCode(204)
  @RequirePermission('job:work')
  @ApiOperation({ summary: 'Fail a job: offered again after its backoff while retries are left, else an incident JOB_NO_RETRIES.' })
  @ApiNoContentResponse()
  fail(@Param('jobKey', KeyParam) jobKey: string, @Body() body: FailJobRequestDto, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.commands.fail(jobKey, body, principal);
  }

  @Post(':jobKey/error')
  @ApiProblemResponse(409, 'The job is not activated, failed without retries, threw an error, or its element no longer waits for it (JOB.NOT_ACTIVATED, JOB.NOT_ACTIVE, JOB.ELEMENT_NOT_WAITING).')
  @HttpCode(204)
  @RequirePermission('job:work')
  @ApiOperation({ summary: 'Throw a BPMN error from a job (an incident UNHANDLED_ERROR_EVENT when nothing catches it).' })
  @ApiNoContentResponse()
  throwError(@Param('jobKey', KeyParam) jobKey: string, @Body() body: ThrowJobErrorRequestDto, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.commands.throwError(jobKey, body, principal);
  }

  @Patch(':jobKey')
  @ApiProblemResponse(409, 'The job ended or is not active (JOB.NOT_ACTIVE).')
  @HttpCode(204)
  @RequirePermission('job:work')
  @ApiOperation({ summary: 'Change the retries of a job, or the timeout of an activated one.' })
  @ApiNoContentResponse()
  update(@Param('jobKey', KeyParam) jobKey: string, @Body() body: UpdateJobRequestDto, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.commands.update(jobKey, body, principal);
  }

  @Post('search')
  @HttpCode(200)
  @RequirePermission('instance:read')
  @ApiOperation({ summary: 'Search jobs (Camunda 8 shape).' })
  @ApiOkResponse({ type: JobSearchResultDto })
  @ApiSearchBody(JOB_SEARCH, { filter: { type: 'charge-payment', state: 'CREATED' }, sort: [{ field: 'deadline', order: 'ASC' }], page: { limit: 20 } })
  search(@Body() body: SearchRequestDto): Promise<JobSearchResultDto> {
    return this.jobs.search(body);
  }
}
