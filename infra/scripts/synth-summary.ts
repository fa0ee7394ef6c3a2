/**
 * The last line of `npm run synth`, run only after `cdk synth` succeeded: cdk-nag's checks run inside the
 * synth (infra/app-setup.ts) and fail it on any unacknowledged finding, so reaching here means they passed.
 * Says so, and where each synthesized template is, read from the cloud assembly's manifest.
 */
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(synthSummary(process.argv[2] ?? 'cdk.out'));
  } catch (error) {
    console.error(`npm run synth: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
