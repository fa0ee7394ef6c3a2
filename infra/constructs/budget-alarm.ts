import { CfnBudget } from 'aws-cdk-lib/aws-budgets';
import { Construct } from 'constructs';

export interface BudgetAlarmProps {
  readonly email: string;
  readonly limitUsd: number;
}

/**
 * A monthly cost budget that e-mails when actual spend passes 80% of the limit or the forecast passes 100%.
 * Budgets without actions cost nothing, and e-mail subscribers need no SNS topic and no confirmation.
 * It watches the whole account: a budget filtered to this stack would need cost-allocation tags activated
 * by hand first.
 */
export class BudgetAlarm extends Construct {
  readonly budget: CfnBudget;

  constructor(scope: Construct, id: string, props: BudgetAlarmProps) {
    super(scope, id);
    const subscribers = [{ subscriptionType: 'EMAIL', address: props.email }];

    this.budget = new CfnBudget(this, 'Budget', {
      budget: {
        budgetType: 'COST',
        timeUnit: 'MONTHLY',
        budgetLimit: { amount: props.limitUsd, unit: 'USD' },
      },
      notificationsWithSubscribers: [
        {
          notification: { notificationType: 'ACTUAL', comparisonOperator: 'GREATER_THAN', threshold: 80, thresholdType: 'PERCENTAGE' },
          subscribers,
        },
        {
          notification: { notificationType: 'FORECASTED', comparisonOperator: 'GREATER_THAN', threshold: 100, thresholdType: 'PERCENTAGE' },
          subscribers,
        },
      ],
    });
  }
}
