/**
 * Test fixture: the app as `cdk synth` builds it, from cdk.json's feature flags plus the context under test.
 * Synthesis bundles six functions with esbuild, so each test file synthesizes once (beforeAll) and shares
 * the template; `bundle: false` skips bundling for files that only look at configuration-dependent resources.
 */
import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { stackName } from '../app-setup.ts';
import { readConfig } from '../config.ts';
import { placeholderSiteDir } from '../constructs/site-content.ts';
import { DashboardStack } from '../stacks/dashboard-stack.ts';

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};

export interface SynthOptions {
  /** Context values as `-c key=value` would give them. */
  readonly context?: Record<string, unknown>;
  /** Run esbuild for every function (slow); off, the functions get a stand-in asset. */
  readonly bundle?: boolean;
}

/** Template JSON is whatever CloudFormation allows; tests read it by path and assert on what they find. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped CloudFormation JSON, read by tests only
export type CfnJson = any;

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, CfnJson>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
  readonly DependsOn?: string | string[];
}

/** The logical id a `Ref` or `Fn::GetAtt` points at. */
export function logicalIdOf(reference: CfnJson): string {
  return reference?.Ref ?? reference?.['Fn::GetAtt']?.[0] ?? JSON.stringify(reference);
}

export interface Synthesized {
  readonly app: App;
  readonly stack: DashboardStack;
  readonly template: Template;
  readonly resources: Readonly<Record<string, CfnResource>>;
  /** [logicalId, resource] pairs of one resource type. */
  ofType(type: string): [string, CfnResource][];
}

export function synthesize({ context = {}, bundle = true }: SynthOptions = {}): Synthesized {
  const app = new App({
    context: {
      ...cdkJson.context,
      ...(bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
      ...context,
    },
  });
  const stack = new DashboardStack(app, stackName, { config: readConfig(app.node), siteDir: placeholderSiteDir });
  const template = Template.fromStack(stack);
  const resources = template.toJSON().Resources as Record<string, CfnResource>;
  const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);
  return { app, stack, template, resources, ofType };
}

/** cdk-nag's AWS Solutions findings that are not acknowledged, as `rule at path` lines (empty = clean). */
export function unacknowledgedNagFindings(app: App): string[] {
  const report = new AwsSolutionsChecks(app).validateScope(app);
  return report.violations.flatMap((violation) =>
    violation.violatingResources.map((resource) => `${violation.severity} ${violation.ruleName} at ${resource.constructPath}`),
  );
}
