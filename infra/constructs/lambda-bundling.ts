/**
 * How every Lambda function of this app is bundled, declared once. TableFunction hands `lambdaBundling` to
 * NodejsFunction; the benchmark and the tests build with `esbuildOptions`, the same settings as esbuild's
 * own build options, so what they measure is what CDK deploys.
 */
import type { BuildOptions } from 'esbuild';
import { OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

/**
 * The AWS SDK bundled in (AWS advises it: the runtime's copy changes without notice), ESM, minified. The ESM
 * entry points of the SDK and its dependencies come first; CommonJS ones still call require, hence the banner.
 */
export const lambdaBundling = {
  format: OutputFormat.ESM,
  target: 'node24',
  bundleAwsSDK: true,
  mainFields: ['module', 'main'],
  banner: "import{createRequire}from'module';const require=createRequire(import.meta.url);",
  minify: true,
  sourceMap: false,
} as const satisfies BundlingOptions;

/**
 * The build NodejsFunction runs for `lambdaBundling` (aws-lambda-nodejs: `esbuild --bundle <entry>
 * --platform=node --target=… --format=… --minify --main-fields=… --banner:js=…`), for esbuild's JS API.
 * With `bundleAwsSDK` nothing is external.
 */
export function esbuildOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: lambdaBundling.target,
    format: lambdaBundling.format === OutputFormat.ESM ? 'esm' : 'cjs',
    minify: lambdaBundling.minify,
    sourcemap: lambdaBundling.sourceMap,
    mainFields: [...lambdaBundling.mainFields],
    banner: { js: lambdaBundling.banner },
    external: lambdaBundling.bundleAwsSDK ? [] : ['@aws-sdk/*'],
    logLevel: 'warning',
  };
}
