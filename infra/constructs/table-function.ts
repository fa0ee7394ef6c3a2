import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { lambdaBundling } from './lambda-bundling.ts';

/** The DynamoDB actions our functions may be granted; anything else needs a deliberate change here. */
export type TableAction = 'GetItem' | 'Query' | 'Scan' | 'BatchWriteItem' | 'PutItem' | 'DeleteItem';

export interface TableFunctionProps {
  /** Path of the TypeScript module exporting `handler`. */
  readonly entry: string;
  readonly description: string;
  /** The table and exactly the actions the code calls, on the table ARN only (the table has no indexes). */
  readonly table?: ITableV2;
  readonly tableActions?: readonly TableAction[];
  /** Added to TABLE_NAME (when there is a table). */
  readonly environment?: Readonly<Record<string, string>>;
  readonly memorySize?: number;
  readonly timeout?: Duration;
  readonly reservedConcurrency?: number;
}

/** One place for the settings every function of this app shares. */
export const functionDefaults = {
  runtime: Runtime.NODEJS_24_X,
  architecture: Architecture.ARM_64,
  memorySize: 256,
  timeout: Duration.seconds(5),
  logRetention: RetentionDays.ONE_MONTH,
} as const;

/**
 * A Node.js Lambda function of this app, most of them reading or writing the table: bundled by esbuild (no Docker), the AWS SDK bundled
 * in (AWS advises it: the runtime's copy changes without notice), ESM, arm64. Its log group is explicit, with a
 * retention and DESTROY, so logs neither pile up forever nor outlive the stack. Its role is its own, with no
 * managed policy: it may write to its log group and call exactly `tableActions` on the table, if it has one.
 */
export class TableFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: TableFunctionProps) {
    super(scope, id);

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: functionDefaults.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const tableActions = props.table === undefined ? [] : (props.tableActions ?? []);
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description:
        tableActions.length === 0
          ? `${props.description}: its log group only`
          : `${props.description}: its log group and ${tableActions.join(', ')} on the table`,
    });
    this.logGroup.grantWrite(role);
    if (props.table !== undefined && tableActions.length > 0) {
      role.addToPrincipalPolicy(
        new PolicyStatement({ actions: tableActions.map((action) => `dynamodb:${action}`), resources: [props.table.tableArn] }),
      );
    }

    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: functionDefaults.runtime,
      architecture: functionDefaults.architecture,
      memorySize: props.memorySize ?? functionDefaults.memorySize,
      timeout: props.timeout ?? functionDefaults.timeout,
      role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      environment: { ...(props.table === undefined ? {} : { TABLE_NAME: props.table.tableName }), ...props.environment },
      ...(props.reservedConcurrency === undefined ? {} : { reservedConcurrentExecutions: props.reservedConcurrency }),
      // Shared with the benchmark's and the tests' esbuild builds (./lambda-bundling.ts).
      bundling: { ...lambdaBundling, mainFields: [...lambdaBundling.mainFields] },
    });
  }
}
