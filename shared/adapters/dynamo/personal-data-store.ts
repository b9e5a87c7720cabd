// The retention sweep's view of the table. Each case gets a small marker item (`CASE#<id>` / `PII`) when it
// is created, indexed in byLevelDay (GSI3) under `PII#<shard 0..3>` and sorted by its Beijing creation day:
// the sweep asks each shard for the markers up to the newest due day (4 Queries, no Scan), and deletes a
// case's marker once its personal data is gone, so the index only ever holds cases that still carry some.
// The case item itself is changed by one conditional update.
import { DeleteCommand, paginateQuery, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CaseRecord } from '../../domain/case-record.js';
import { isConditionFailure } from './case-repository.js';
import { caseKey, personalDataKey, personalDataPartition } from './keys.js';
import { personalDataMarker } from './personal-data-marker.js';
import { DUE_SHARDS } from './table-schema.js';

export interface PersonalDataMarker {
  caseId: string;
  createdAt: string;
}

export class PersonalDataStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async mark(record: Pick<CaseRecord, 'caseId' | 'createdAt'>): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: personalDataMarker(record) }));
  }

  /** Markers of cases created on or before a Beijing day (YYYY-MM-DD), oldest first per shard, at most `limit`. */
  async markersUpTo(day: string, limit: number): Promise<PersonalDataMarker[]> {
    const markers: PersonalDataMarker[] = [];
    for (let shard = 0; shard < DUE_SHARDS && markers.length < limit; shard++) {
      const pages = paginateQuery(
        { client: this.db, pageSize: Math.min(limit, 100) },
        {
          TableName: this.tableName,
          IndexName: 'byLevelDay',
          KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK <= :upper',
          ExpressionAttributeValues: { ':pk': personalDataPartition(shard), ':upper': `${day}#\uffff` },
        },
      );
      for await (const page of pages) {
        for (const item of page.Items ?? []) {
          markers.push({ caseId: item.caseId as string, createdAt: item.createdAt as string });
          if (markers.length >= limit) return markers;
        }
      }
    }
    return markers;
  }

  /**
   * Removes the caller and the attachments and stores the anonymised text, if the case is still at the version
   * the decision was made on. False if the case moved meanwhile (the next sweep decides again).
   */
  async expire(record: Pick<CaseRecord, 'caseId' | 'version'>, text: { content: string; address?: string }, now: string): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: caseKey(record.caseId),
          UpdateExpression: `SET content = :content, personalDataExpiredAt = :now${text.address !== undefined ? ', address = :address' : ''} REMOVE caller, attachments`,
          ConditionExpression: 'attribute_exists(PK) AND #version = :v',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':content': text.content, ':now': now, ':v': record.version, ...(text.address !== undefined ? { ':address': text.address } : {}) },
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return false;
    }
  }

  async unmark(caseId: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: personalDataKey(caseId) }));
  }
}
