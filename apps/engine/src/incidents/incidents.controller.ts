import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/auth.decorators.js';
import { NotFoundError } from '../common/errors/index.js';
import { KeyParam } from '../common/key-param.pipe.js';
import { IncidentDto, IncidentSearchRequestDto, IncidentSearchResultDto } from './incident.dto.js';
import { INCIDENT_SEARCH, IncidentQueryRepository } from './incident-query.repository.js';
import { toIncidentDto } from './incident.mapper.js';
import { ApiSearchBody } from '../common/openapi/search-body.decorator.js';

/** The read side of incidents: search and get. */
@ApiTags('Incidents')
@Controller('v2/incidents')
@RequirePermission('instance:read')
export class IncidentsController {
  constructor(private readonly incidents: IncidentQueryRepository) {}

  @Post('search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Search incidents (Camunda 8 shape: filter, sort, page).' })
  @ApiOkResponse({ type: IncidentSearchResultDto })
  @ApiSearchBody(INCIDENT_SEARCH, { filter: { state: 'ACTIVE', errorType: 'JOB_NO_RETRIES' }, sort: [{ field: 'creationTime', order: 'DESC' }], page: { limit: 20 } })
  async search(@Body() body: IncidentSearchRequestDto): Promise<IncidentSearchResultDto> {
    const { rows, page } = await this.incidents.search(body);
    return { items: rows.map(toIncidentDto), page };
  }

  @Get(':incidentKey')
  @ApiOperation({ summary: 'An incident by key.' })
  @ApiOkResponse({ type: IncidentDto })
  async get(@Param('incidentKey', KeyParam) key: string): Promise<IncidentDto> {
    const incident = await this.incidents.find(key);
    if (!incident) throw new NotFoundError('INCIDENT.NOT_FOUND', `No incident with key ${key}`);
    return toIncidentDto(incident);
  }
}
