// The structured logger every function uses. Personal data (caller name, phone, ID number, the request
// text) is never passed to it: log case ids, statuses and unit codes only.
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'hotline12345' });
