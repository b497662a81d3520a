import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DeploymentProcessDto {
  @ApiProperty({ example: 'order-process' }) processDefinitionId: string;
  @ApiProperty({ example: 1 }) processDefinitionVersion: number;
  @ApiProperty({ example: 'order-process.bpmn' }) resourceName: string;
  @ApiProperty({ example: '<default>' }) tenantId: string;
  @ApiProperty({ example: '2251799813685249' }) processDefinitionKey: string;
}

export class DeploymentFormDto {
  @ApiProperty({ example: 'approve-expense' }) formId: string;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ example: 'approve-expense.form' }) resourceName: string;
  @ApiProperty({ example: '<default>' }) tenantId: string;
  @ApiProperty({ example: '2251799813685250' }) formKey: string;
}

export class DeploymentMetadataDto {
  @ApiPropertyOptional({ type: DeploymentProcessDto }) processDefinition?: DeploymentProcessDto;
  @ApiPropertyOptional({ type: DeploymentFormDto }) form?: DeploymentFormDto;
}

/** Response of POST /v2/deployments (Camunda 8 shape). */
export class DeploymentResultDto {
  @ApiProperty({ example: '2251799813685251' }) deploymentKey: string;
  @ApiProperty({ example: '<default>' }) tenantId: string;
  @ApiProperty({ type: [DeploymentMetadataDto] }) deployments: DeploymentMetadataDto[];
}
