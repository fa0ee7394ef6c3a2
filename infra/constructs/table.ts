import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, TableV2, type Attribute } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

/** The shape of functions/adapters/dynamodb/table-definition.ts, the one declaration of the key schema. */
export interface TableDefinition {
  readonly partitionKey: { readonly name: string; readonly type: 'S' | 'N' | 'B' };
  readonly sortKey?: { readonly name: string; readonly type: 'S' | 'N' | 'B' };
  readonly globalSecondaryIndexes: readonly unknown[];
}

export interface TableProps {
  readonly definition: TableDefinition;
  /** RETAIN keeps the data when the stack is destroyed; DESTROY (the default) leaves nothing behind. */
  readonly removalPolicy: RemovalPolicy;
}

const attributeTypes = { S: AttributeType.STRING, N: AttributeType.NUMBER, B: AttributeType.BINARY } as const;

const toAttribute = (key: { name: string; type: 'S' | 'N' | 'B' }): Attribute => ({
  name: key.name,
  type: attributeTypes[key.type],
});

/**
 * The data table: on-demand billing (no idle cost), point-in-time recovery on (the data is curated in git,
 * but a restore is still one click away), AWS-owned encryption (no $1/month customer-managed key).
 * No physical name: CloudFormation generates it, so two stacks never collide.
 */
export class Table extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: TableProps) {
    super(scope, id);
    const { definition } = props;
    // Every access pattern is a Get or a Query on pk/sk; the IAM grants of the API functions rely on it.
    if (definition.globalSecondaryIndexes.length > 0) {
      throw new Error('The table definition declares secondary indexes: extend Table and the function grants first.');
    }

    this.table = new TableV2(this, 'Table', {
      partitionKey: toAttribute(definition.partitionKey),
      ...(definition.sortKey ? { sortKey: toAttribute(definition.sortKey) } : {}),
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      removalPolicy: props.removalPolicy,
    });
  }
}
