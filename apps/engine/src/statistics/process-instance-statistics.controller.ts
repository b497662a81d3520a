import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/auth.decorators.js';
import {
  ProcessDefinitionInstanceStatisticsQueryDto,
  ProcessDefinitionInstanceStatisticsResultDto,
  ProcessDefinitionInstanceVersionStatisticsQueryDto,
  ProcessDefinitionInstanceVersionStatisticsResultDto,
} from './dto/process-instance-statistics.dto.js';
import { ProcessInstanceStatisticsRepository, type Page } from './process-instance-statistics.repository.js';
import { processIdNotFound } from './statistics-errors.js';

const DEFAULT_LIMIT = 100;

/** How many instances each process and version has, by state (Camunda 8.9 shapes plus completed and terminated counts). */
@ApiTags('Statistics')
@Controller('v2/process-definitions/statistics')
@RequirePermission('instance:read')
export class ProcessInstanceStatisticsController {
  constructor(private readonly statistics: ProcessInstanceStatisticsRepository) {}

  @Post('process-instances')
  @HttpCode(200)
  @ApiOperation({ summary: 'Instance counts per process (all versions together): active with and without incident (Camunda 8.9), completed and terminated (Baton). Every deployed process is listed.' })
  @ApiOkResponse({ type: ProcessDefinitionInstanceStatisticsResultDto })
  async perProcess(@Body() body: ProcessDefinitionInstanceStatisticsQueryDto): Promise<ProcessDefinitionInstanceStatisticsResultDto> {
    const { rows, total } = await this.statistics.perProcess(body.sort, pageOf(body.page));
    return {
      items: rows.map(({ versionCount, ...row }) => ({ ...row, hasMultipleVersions: versionCount > 1 })),
      page: { totalItems: total },
    };
  }

  @Post('process-instances-by-version')
  @HttpCode(200)
  @ApiOperation({ summary: 'Instance counts per version of one process (Camunda 8.9 shape plus completed and terminated counts); 404 when no version of the process id is deployed.' })
  @ApiOkResponse({ type: ProcessDefinitionInstanceVersionStatisticsResultDto })
  async perVersion(@Body() body: ProcessDefinitionInstanceVersionStatisticsQueryDto): Promise<ProcessDefinitionInstanceVersionStatisticsResultDto> {
    const { processDefinitionId, tenantId } = body.filter;
    const { rows, total } = await this.statistics.perVersion(processDefinitionId, tenantId, body.sort, pageOf(body.page));
    if (total === 0) throw processIdNotFound(processDefinitionId);
    return {
      items: rows.map(({ processDefinitionVersionTag, ...row }) => ({ ...row, ...(processDefinitionVersionTag !== null && { processDefinitionVersionTag }) })),
      page: { totalItems: total },
    };
  }
}

function pageOf(page: { from?: number; limit?: number } | undefined): Page {
  return { from: page?.from ?? 0, limit: page?.limit ?? DEFAULT_LIMIT };
}
