import type { FormEntity } from '#persistence';
import { ApiProperty } from '@nestjs/swagger';
import { SearchPageResponseDto, SearchRequestDto } from '../common/search/search-request.dto.js';

/** A deployed form version (Camunda 8 shape); `schema` is the form-js JSON. */
export class FormDto {
  @ApiProperty({ example: '<default>' }) tenantId: string;
  @ApiProperty({ example: 'approve-expense' }) formId: string;
  @ApiProperty({ type: Object, description: 'The form-js schema.' }) schema: Record<string, unknown>;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ example: '2251799813685250' }) formKey: string;
}

export function toFormDto(form: FormEntity): FormDto {
  return { tenantId: form.tenantId, formId: form.formId, schema: form.schema, version: form.version, formKey: form.formKey };
}

/**
 * Body of `POST /v2/forms/search`. Filter fields: `formKey`, `formId`, `version`, `tenantId`
 * (values or operator objects) and `isLatestVersion` (true: only the newest version of each form
 * id). Sort fields: `formKey`, `formId`, `version`, `tenantId`; default `formId` ascending, then
 * `version` descending.
 */
export class FormSearchRequestDto extends SearchRequestDto {}

export class FormSearchResultDto {
  @ApiProperty({ type: [FormDto] }) items: FormDto[];
  @ApiProperty({ type: SearchPageResponseDto }) page: SearchPageResponseDto;
}
