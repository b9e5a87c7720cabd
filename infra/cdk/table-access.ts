// What a function may do with the case table: exactly the DynamoDB actions the code uses, never Scan (no
// request path scans — IAM makes sure of it), nor streams or batch writes; and the matching use of the
// table's customer-managed KMS key. Table.grantReadData/grantReadWriteData would add Scan, GetRecords,
// GetShardIterator and BatchWriteItem.
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';

export const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'] as const;
export const TABLE_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'] as const;
const KEY_READ_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey'] as const;
const KEY_WRITE_ACTIONS = ['kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'] as const;

export function grantTableAccess(table: Table, grantee: IGrantable, access: 'read' | 'readwrite'): void {
  const write = access === 'readwrite';
  // on the table and its indexes (Table.grant adds index/* when the table has any)
  table.grant(grantee, ...TABLE_READ_ACTIONS, ...(write ? TABLE_WRITE_ACTIONS : []));
  if (!table.encryptionKey) throw new Error('the case table must have its own KMS key');
  table.encryptionKey.grant(grantee, ...KEY_READ_ACTIONS, ...(write ? KEY_WRITE_ACTIONS : []));
}
