import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CustomResource, Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { TableFunction, type TableAction } from './table-function.ts';

export interface SeedProps {
  readonly table: ITableV2;
  /** The custom resource handler (functions/seed/custom-resource.ts); it bundles the data files. */
  readonly entry: string;
  /** data/records: hashed at synth so that a data change re-runs the seed. */
  readonly recordsDir: string;
  /** What functions/seed/loader.ts calls: it scans for stale items and batch-writes puts and deletes. */
  readonly tableActions: readonly TableAction[];
}

/** SHA-256 over the names and contents of the *.json files of a directory, in name order. */
export function hashRecords(recordsDir: string): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(recordsDir).filter((name) => name.endsWith('.json')).sort()) {
    hash.update(`${file}\0`).update(readFileSync(path.join(recordsDir, file))).update('\0');
  }
  return hash.digest('hex');
}

/**
 * Loads the curated data into the table on every deploy that changes it. CloudFormation calls the function
 * directly (no provider framework, so no extra function or role); the function answers CloudFormation itself.
 * It re-runs when a property changes: the data hash, or the function's bundle (data and loader code both live
 * in it). Delete does nothing: the table goes with the stack, or stays on purpose when retained.
 */
export class Seed extends Construct {
  readonly seedFunction: TableFunction;
  readonly resource: CustomResource;
  readonly dataHash: string;

  constructor(scope: Construct, id: string, props: SeedProps) {
    super(scope, id);
    this.dataHash = hashRecords(props.recordsDir);

    this.seedFunction = new TableFunction(this, 'Loader', {
      entry: props.entry,
      description: 'Seeds the table with the curated data on deploy (CloudFormation custom resource)',
      table: props.table,
      tableActions: props.tableActions,
      timeout: Duration.minutes(5),
    });

    const code = (this.seedFunction.function.node.defaultChild as CfnFunction).code as CfnFunction.CodeProperty;
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: this.seedFunction.function.functionArn,
      resourceType: 'Custom::SeedTable',
      // CloudFormation's default is an hour; the function answers well within its own 5-minute timeout.
      serviceTimeout: Duration.minutes(6),
      properties: {
        TableName: props.table.tableName,
        DataHash: this.dataHash,
        BundleKey: code.s3Key,
      },
    });
  }
}
