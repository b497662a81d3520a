import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { ApiClientEntity } from '#persistence';
import { SearchQuery, type SearchDefinition } from '../../common/search/search-query.js';
import type { SearchRequestDto } from '../../common/search/search-request.dto.js';

/** `POST /v2/api-clients/search`: every field of an API client but its secret; newest first by default. */
export const API_CLIENT_SEARCH: SearchDefinition = {
  entity: 'API client',
  keyColumn: 'c.client_key',
  fields: {
    apiClientKey: { column: 'c.client_key', type: 'key' },
    clientId: { column: 'c.client_id', type: 'string' },
    name: { column: 'c.name', type: 'string' },
    username: { column: 'c.username', type: 'string' },
    createdBy: { column: 'c.created_by', type: 'string' },
    createdAt: { column: 'c.created_at', type: 'date' },
    expiresAt: { column: 'c.expires_at', type: 'date' },
    lastUsedAt: { column: 'c.last_used_at', type: 'date' },
    revokedAt: { column: 'c.revoked_at', type: 'date' },
  },
  defaultSort: [
    { field: 'createdAt', order: 'DESC' },
    { field: 'apiClientKey', order: 'DESC' },
  ],
};

/** OAuth clients of Baton's token endpoint. */
@Injectable()
export class ApiClientRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get clients() {
    return this.dataSource.getRepository(ApiClientEntity);
  }

  async insert(client: Omit<ApiClientEntity, 'lastUsedAt' | 'revokedAt'>): Promise<void> {
    await this.clients.insert({ ...client, lastUsedAt: null, revokedAt: null });
  }

  async clientIdTaken(clientId: string): Promise<boolean> {
    return (await this.clients.countBy({ clientId })) > 0;
  }

  /** The client with this id that may obtain tokens now: not revoked, not expired. */
  async findLive(clientId: string, now: Date): Promise<ApiClientEntity | null> {
    const client = await this.clients.findOneBy({ clientId, revokedAt: IsNull() });
    if (!client || (client.expiresAt && client.expiresAt.getTime() <= now.getTime())) return null;
    return client;
  }

  async findByKey(clientKey: string): Promise<ApiClientEntity | null> {
    return this.clients.findOneBy({ clientKey });
  }

  search(request: SearchRequestDto) {
    return new SearchQuery(API_CLIENT_SEARCH, this.clients.createQueryBuilder('c')).run(request);
  }

  async revoke(clientKey: string, now: Date): Promise<void> {
    await this.clients.update({ clientKey, revokedAt: IsNull() }, { revokedAt: now });
  }

  async touch(clientKey: string, now: Date): Promise<void> {
    await this.clients.update({ clientKey }, { lastUsedAt: now });
  }
}
