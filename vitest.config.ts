import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{data,functions,infra,local,frontend,bench,test}/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'frontend/dist/**', 'cdk.out/**'],
    // The browser and CDK tests start Chromium or synthesize a stack; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
