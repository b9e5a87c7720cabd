// Sends the hop messages. Queue URLs come from the environment (see shared/config.ts).
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { ENV } from '../../config.js';
import type { DepartmentMessage, DistrictDispatchMessage, GridAssignMessage, StreetDispatchMessage } from '../../messages.js';

export interface QueueUrls {
  district: string;
  street: string;
  grid: string;
  departments: Record<string, string>;
}

/** Reads only the URLs a function was given; a send to a queue it was not given fails clearly. */
export function queueUrlsFromEnv(): QueueUrls {
  const departments = process.env[ENV.departmentQueueUrls];
  return {
    district: process.env[ENV.districtQueueUrl] ?? '',
    street: process.env[ENV.streetQueueUrl] ?? '',
    grid: process.env[ENV.gridQueueUrl] ?? '',
    departments: departments ? (JSON.parse(departments) as Record<string, string>) : {},
  };
}

/** The hop messages the services send; QueuePublisher sends them to SQS. */
export interface HopQueues {
  toDistrict(message: DistrictDispatchMessage): Promise<void>;
  toStreet(message: StreetDispatchMessage): Promise<void>;
  toGrid(message: GridAssignMessage): Promise<void>;
  toDepartment(message: DepartmentMessage): Promise<void>;
}

export class QueuePublisher implements HopQueues {
  constructor(
    private readonly client: SQSClient,
    private readonly urls: QueueUrls,
  ) {}

  toDistrict(message: DistrictDispatchMessage): Promise<void> {
    return this.send(this.urls.district, ENV.districtQueueUrl, message);
  }

  toStreet(message: StreetDispatchMessage): Promise<void> {
    return this.send(this.urls.street, ENV.streetQueueUrl, message);
  }

  toGrid(message: GridAssignMessage): Promise<void> {
    return this.send(this.urls.grid, ENV.gridQueueUrl, message);
  }

  toDepartment(message: DepartmentMessage): Promise<void> {
    return this.send(this.urls.departments[message.department] ?? '', `${ENV.departmentQueueUrls}[${message.department}]`, message);
  }

  private async send(url: string, setting: string, message: object): Promise<void> {
    if (!url) throw new Error(`no queue URL configured: ${setting}`);
    await this.client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: JSON.stringify(message) }));
  }
}
