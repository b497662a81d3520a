import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiConsumes } from '@nestjs/swagger';

/** Metadata key of {@link AcceptsBody}. */
export const ACCEPTED_MEDIA_TYPES = 'baton:acceptedMediaTypes';

/** What a route takes as its body when it says nothing. */
export const DEFAULT_MEDIA_TYPES: readonly string[] = ['application/json'];

/**
 * The media types a route accepts as its request body, instead of `application/json`: enforced
 * by {@link RequestBodyGuard} and documented in the OpenAPI document (`@ApiConsumes`), so what
 * is documented and what is accepted cannot drift apart.
 */
export function AcceptsBody(...mediaTypes: string[]): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(ACCEPTED_MEDIA_TYPES, mediaTypes), ApiConsumes(...mediaTypes));
}
