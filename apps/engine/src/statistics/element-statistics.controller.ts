import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/auth.decorators.js';
import { KeyParam } from '../common/key-param.pipe.js';
import { ProcessDefinitionRepository } from '../process-definitions/process-definition.repository.js';
import { processInstanceNotFound } from '../process-instances/process-instance-errors.js';
import { ProcessInstanceQueryRepository } from '../process-instances/process-instance-query.repository.js';
import {
  ProcessDefinitionElementStatisticsQueryDto,
  ProcessElementStatisticsResultDto,
  ProcessInstanceSequenceFlowsResultDto,
} from './dto/element-statistics.dto.js';
import { ElementStatisticsRepository } from './element-statistics.repository.js';
import { processDefinitionNotFound } from './statistics-errors.js';

/** Where the tokens are and where they went: element-instance counts and sequence flows taken (Camunda 8.8). */
@ApiTags('Statistics')
@Controller('v2')
@RequirePermission('instance:read')
export class ElementStatisticsController {
  constructor(
    private readonly statistics: ElementStatisticsRepository,
    private readonly definitions: ProcessDefinitionRepository,
    private readonly instances: ProcessInstanceQueryRepository,
  ) {}

  @Post('process-definitions/:processDefinitionKey/statistics/element-instances')
  @HttpCode(200)
  @ApiOperation({ summary: "Element-instance counts per element of a process definition (active, canceled, incidents, completed), over the instances the optional filter selects." })
  @ApiOkResponse({ type: ProcessElementStatisticsResultDto })
  async ofDefinition(
    @Param('processDefinitionKey', KeyParam) key: string,
    @Body() body: ProcessDefinitionElementStatisticsQueryDto,
  ): Promise<ProcessElementStatisticsResultDto> {
    if (!(await this.definitions.findSummary(key))) throw processDefinitionNotFound(key);
    return { items: await this.statistics.ofDefinition(key, body.filter) };
  }

  @Get('process-instances/:processInstanceKey/statistics/element-instances')
  @ApiOperation({ summary: 'Element-instance counts per element of one process instance.' })
  @ApiOkResponse({ type: ProcessElementStatisticsResultDto })
  async ofInstance(@Param('processInstanceKey', KeyParam) key: string): Promise<ProcessElementStatisticsResultDto> {
    if (!(await this.instances.find(key))) throw processInstanceNotFound(key);
    return { items: await this.statistics.ofInstance(key) };
  }

  @Get('process-instances/:processInstanceKey/sequence-flows')
  @ApiOperation({ summary: 'The sequence flows a process instance took, each once, in the order first taken.' })
  @ApiOkResponse({ type: ProcessInstanceSequenceFlowsResultDto })
  async sequenceFlows(@Param('processInstanceKey', KeyParam) key: string): Promise<ProcessInstanceSequenceFlowsResultDto> {
    const instance = await this.instances.find(key);
    if (!instance) throw processInstanceNotFound(key);
    const flows = await this.statistics.flowsTaken(key);
    return {
      items: flows.map((flowId) => ({
        sequenceFlowId: `${key}_${flowId}`,
        processInstanceKey: key,
        processDefinitionKey: instance.processDefinitionKey,
        processDefinitionId: instance.processDefinitionId,
        elementId: flowId,
        tenantId: instance.tenantId,
      })),
    };
  }
}
