/**
 * `npm run synth [-- -c key=value -o dir ...]`: `cdk synth --quiet` with those arguments, then one closing line.
 * cdk-nag's checks run inside the synth (infra/app-setup.ts) and fail it on any unacknowledged finding, so
 * once the synth succeeded they passed: the line says so, and where each template is (from the manifest).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

interface Manifest {
  readonly artifacts?: Record<string, { readonly type?: string; readonly properties?: { readonly templateFile?: string } }>;
}

/** e.g. `cdk-nag (AWS Solutions checks) passed: … Template: cdk.out/AfghanDiplomacyMap.template.json (93 resources).` */
export function synthSummary(outDir: string, cwd: string = process.cwd()): string {
  const manifest = JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as Manifest;
  const templates = Object.values(manifest.artifacts ?? {})
    .filter((artifact) => artifact.type === 'aws:cloudformation:stack' && artifact.properties?.templateFile)
    .map((artifact) => {
      const file = path.join(outDir, artifact.properties!.templateFile!);
      const template = JSON.parse(readFileSync(file, 'utf8')) as { Resources?: Record<string, unknown> };
      return `${path.relative(cwd, file)} (${Object.keys(template.Resources ?? {}).length} resources)`;
    });
  if (templates.length === 0) throw new Error(`${outDir}/manifest.json lists no CloudFormation template`);
  return (
    'cdk-nag (AWS Solutions checks) passed: no unacknowledged findings. ' +
    `${templates.length === 1 ? 'Template' : 'Templates'}: ${templates.join(', ')}`
  );
}

/** Where `cdk synth` writes, from its `-o`/`--output` argument; cdk.out by default. */
export function outputDirOf(args: readonly string[]): string {
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '-o' || arg === '--output') return args[index + 1] ?? 'cdk.out';
    if (arg.startsWith('--output=')) return arg.slice('--output='.length);
  }
  return 'cdk.out';
}

// `npm run synth [-- cdk synth arguments]`: the synth, then the summary line.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const synth = spawnSync('npx', ['cdk', 'synth', '--quiet', ...args], { stdio: 'inherit' });
  if (synth.error !== undefined) {
    console.error(`npm run synth: cdk could not start: ${synth.error.message}`);
    process.exit(1);
  }
  if (synth.status !== 0) process.exit(synth.status ?? 1);
  try {
    console.log(synthSummary(outputDirOf(args)));
  } catch (error) {
    console.error(`npm run synth: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
