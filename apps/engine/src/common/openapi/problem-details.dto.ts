import { ApiProperty } from '@nestjs/swagger';

/** RFC 9457 problem details as Baton answers every error (`application/problem+json`). */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'urn:baton:problem:PROCESS_INSTANCE.NOT_FOUND', description: 'URN naming the code; see docs/errors.md.' })
  type: string;

  @ApiProperty({ example: 'NOT_FOUND', description: "Camunda's category for the status." })
  title: string;

  @ApiProperty({ example: 404 })
  status: number;

  @ApiProperty({ example: 'No process instance with key 2251799813685249' })
  detail: string;

  @ApiProperty({ example: '/v2/process-instances/2251799813685249' })
  instance: string;

  @ApiProperty({ example: 'PROCESS_INSTANCE.NOT_FOUND', description: "Baton's stable error code." })
  code: string;
}
