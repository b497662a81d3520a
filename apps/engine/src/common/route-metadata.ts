/**
 * The metadata keys the auth decorators set on routes (`@Public()`, `@RequirePermission(...)`),
 * here so that what reads routes without being auth (the OpenAPI problem responses) does not
 * import the auth folder.
 */
export const PUBLIC_ROUTE = 'baton:public';
export const REQUIRED_PERMISSION = 'baton:permission';
