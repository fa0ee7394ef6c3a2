/**
 * `npm run infra:regions`: which AWS regions have every CloudFormation resource type this stack uses, from
 * cfn-lint's per-region resource data (cfnlint/data/schemas/providers/<region>.py lists each region's
 * types). Writes infra/regions.json, which the deploy preflight reads to refuse other regions and the README
 * quotes. Run it again after adding a resource type (infra/test/regions.test.ts fails until then) or after
 * upgrading cfn-lint.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { synthesize } from '../test/synth.ts';
import type { RegionData } from '../regions.ts';

/** The resource types CloudFormation must know in the region: custom resources and CDK's metadata aside. */
export function stackResourceTypes(context: Record<string, string> = {}): string[] {
  const types = Object.values(synthesize({ bundle: false, context }).resources)
    .map((resource) => resource.Type)
    .filter((type) => !type.startsWith('Custom::') && type !== 'AWS::CDK::Metadata');
  return [...new Set(types)].sort();
}

/**
 * Options that add resource types of their own. (wafRateLimit's web ACL is refused outside us-east-1 by a
 * template rule; domainName, reservedConcurrency and retainData add none.)
 */
const optionContexts: Record<string, Record<string, string>> = { budgetEmail: { budgetEmail: 'owner@example.org' } };

function cfnLintDataDir(): { dir: string; version: string } {
  const probe = spawnSync(
    'python3',
    ['-c', 'import cfnlint, os; from cfnlint.version import __version__ as v; print(os.path.dirname(cfnlint.__file__)); print(v)'],
    { encoding: 'utf8' },
  );
  const [packageDir, version] = (probe.stdout ?? '').trim().split('\n');
  if (probe.status !== 0 || !packageDir || !version) {
    throw new Error('cfn-lint is not installed for python3 (pip install cfn-lint): its region data is the source of this list');
  }
  return { dir: path.join(packageDir, 'data', 'schemas', 'providers'), version };
}

export function regionData(): RegionData {
  const { dir, version } = cfnLintDataDir();
  const typesByRegion = new Map(
    readdirSync(dir)
      .filter((name) => /^[a-z]+(_[a-z]+)+_\d+\.py$/.test(name))
      .sort()
      .map((file) => {
        const text = readFileSync(path.join(dir, file), 'utf8');
        const types = new Set([...text.matchAll(/^\s*"([A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+)":/gm)].map((match) => match[1]!));
        return [file.replace(/\.py$/, '').replaceAll('_', '-'), types] as const;
      }),
  );
  if (!typesByRegion.get('us-east-1')?.has('AWS::Lambda::Function')) throw new Error(`${dir} does not look like cfn-lint's region data`);
  const regionsWith = (types: readonly string[]) =>
    [...typesByRegion].filter(([, known]) => types.every((type) => known.has(type))).map(([region]) => region);

  const resourceTypes = stackResourceTypes();
  const regions = regionsWith(resourceTypes);
  const lacking = Object.fromEntries(
    [...typesByRegion]
      .filter(([region]) => !regions.includes(region))
      .map(([region, known]) => [region, resourceTypes.filter((type) => !known.has(type))]),
  );
  const options = Object.fromEntries(
    Object.entries(optionContexts).map(([option, context]) => {
      const extra = stackResourceTypes(context).filter((type) => !resourceTypes.includes(type));
      return [option, { resourceTypes: extra, regions: regionsWith(extra).filter((region) => regions.includes(region)) }];
    }),
  );
  return { source: `cfn-lint ${version} region data`, resourceTypes, regions, lacking, options };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const data = regionData();
    const file = new URL('../regions.json', import.meta.url);
    writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
    console.log(`${data.regions.length} regions have all ${data.resourceTypes.length} resource types; written to infra/regions.json`);
  } catch (error) {
    console.error(`npm run infra:regions: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
