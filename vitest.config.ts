import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{data,functions,infra,local,frontend,bench,test}/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'frontend/dist/**', 'cdk.out/**'],
    // The browser and CDK tests start Chromium or synthesize a stack; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The AWS SDK warns once per process that its 2027 releases need Node 22; the project pins the SDK
    // (README), so in test output the warning is noise. AWS documents this switch for it.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
