import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/auth.decorators.js';
import { KeyParam } from '../common/key-param.pipe.js';
import { camundaElementType } from '../element-instances/element-type.js';
import { ProcessDefinitionRepository } from '../process-definitions/process-definition.repository.js';
import { ElementDurationsQueryDto, ElementDurationsResultDto } from './dto/element-durations.dto.js';
import { ElementDurationsRepository } from './element-durations.repository.js';
import { invalidPeriod, processDefinitionNotFound } from './statistics-errors.js';

/** Baton addition: how long each element of a process definition takes (P50/P95/P99, min, max, mean) over a period. */
@ApiTags('Statistics')
@Controller('v2/process-definitions')
@RequirePermission('instance:read')
export class ElementDurationsController {
  constructor(
    private readonly durations: ElementDurationsRepository,
    private readonly definitions: ProcessDefinitionRepository,
  ) {}

  @Post(':processDefinitionKey/statistics/element-durations')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Baton addition: duration percentiles (P50, P95, P99), min, max and mean of the completed element instances of a process definition that ended in [from, to), with completed and terminated counts, per element; the process itself comes first (type PROCESS).',
  })
  @ApiOkResponse({ type: ElementDurationsResultDto })
  async elementDurations(@Param('processDefinitionKey', KeyParam) key: string, @Body() body: ElementDurationsQueryDto): Promise<ElementDurationsResultDto> {
    const from = new Date(body.from);
    const to = new Date(body.to);
    if (from.getTime() >= to.getTime()) throw invalidPeriod(body.from, body.to);
    const definition = await this.definitions.findSummary(key);
    if (!definition) throw processDefinitionNotFound(key);
    const rows = await this.durations.ofDefinition(key, from, to);
    return {
      processDefinitionKey: key,
      processDefinitionId: definition.processDefinitionId,
      processDefinitionVersion: definition.version,
      from: from.toISOString(),
      to: to.toISOString(),
      items: rows.map(({ elementName, elementType, ...row }) => ({
        ...row,
        ...(elementName !== null && { elementName }),
        elementType: camundaElementType(elementType),
      })),
    };
  }
}
