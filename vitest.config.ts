import { defineConfig } from 'vitest/config';

// Unit tests live beside the code; cross-process tests live in tests/integration.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'shared/**/*.test.ts',
            'server/**/*.test.ts',
            'main/**/*.test.ts',
            'renderer/**/*.test.{ts,tsx}',
          ],
          environment: 'node',
          // a loaded 2-core machine runs the PDF and XLSX tests several times slower than a
          // quiet one; tests bound their work by count, so the timeout only catches hangs
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
