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

/**
 * Something a deployed resource contains that Baton ignores or reads differently than written (a
 * Camunda 7 attribute, an unreachable element, a diagram defect): the resource deploys anyway.
 * Same fields as an entry of a refused deployment's `problems`.
 */
export class DeploymentWarningDto {
  @ApiProperty({ example: 'invoice.bpmn' }) resourceName: string;
  @ApiProperty({ description: 'The rule that found it (libs/bpmn/README.md).', example: 'camunda-7-extension' }) rule: string;
  @ApiProperty({
    example: "bpmn:UserTask 'approve' has Camunda 7 settings (camunda:formKey), which Baton ignores: it reads only the Camunda 8 (zeebe) extensions",
  })
  message: string;
  @ApiPropertyOptional({ example: 'approve' }) elementId?: string;
  @ApiPropertyOptional({ example: 'bpmn:UserTask' }) elementType?: string;
  @ApiPropertyOptional({ example: 'invoice' }) processId?: string;
  @ApiPropertyOptional({ description: '1-based line, for findings about the XML text.' }) line?: number;
  @ApiPropertyOptional({ description: '1-based column, for findings about the XML text.' }) column?: number;
}

/** Response of POST /v2/deployments (Camunda 8 shape, plus Baton's `warnings`). */
export class DeploymentResultDto {
  @ApiProperty({ example: '2251799813685251' }) deploymentKey: string;
  @ApiProperty({ example: '<default>' }) tenantId: string;
  @ApiProperty({ type: [DeploymentMetadataDto] }) deployments: DeploymentMetadataDto[];
  @ApiProperty({
    type: [DeploymentWarningDto],
    description:
      'Baton addition (Camunda 8 has no such field; its clients ignore it): what Baton ignores or reads differently in the deployed resources, ' +
      'e.g. Camunda 7 attributes and extension elements. Empty when there is nothing to say.',
  })
  warnings: DeploymentWarningDto[];
}

/** Response of POST /v2/deployments/validation (Baton only): what a deployment of the resources would meet. */
export class DeploymentValidationDto {
  @ApiProperty({
    type: [DeploymentWarningDto],
    description: 'Every problem that would refuse the deployment (same fields as the `problems` of a refused deployment); empty when it would deploy.',
  })
  problems: DeploymentWarningDto[];
  @ApiProperty({ type: [DeploymentWarningDto], description: 'What Baton would ignore or read differently, as in `warnings` of a deployment.' })
  warnings: DeploymentWarningDto[];
}
