import { ApiProperty } from '@nestjs/swagger';

/** The shape of Camunda 8's GET /v2/authentication/me, plus nothing Baton-specific. */
export class CurrentUserDto {
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ type: [String], description: 'Parts of the portal this user may open.' }) authorizedComponents: string[];
  @ApiProperty({ type: [Object] }) tenants: Array<{ tenantId: string; name: string }>;
  @ApiProperty({ type: [String] }) groups: string[];
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty({ type: [String], description: 'Baton addition: the permissions the roles grant, built-in and custom (docs/security.md), for clients that offer only what the engine allows.' })
  permissions: string[];
  @ApiProperty() salesPlanType: string;
  @ApiProperty({ type: Object }) c8Links: Record<string, string>;
  @ApiProperty({ description: 'True when the caller signed in with a token that sign-out can revoke.' }) canLogout: boolean;
}
