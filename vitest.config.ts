import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{data,curate,functions,infra,local,frontend,bench}/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'frontend/dist/**', 'cdk.out/**'],
    // A guard against hangs, not a speed check: on a 2-core machine the property tests (1,000 requests per
    // route), Chromium and the CDK bundling compete for the CPU, and a test that takes 2 s alone can take 60.
    testTimeout: 300_000,
    hookTimeout: 120_000,
    // The AWS SDK warns once per process that its 2027 releases need Node 22; the project pins the SDK
    // (README), so in test output the warning is noise. AWS documents this switch for it.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
