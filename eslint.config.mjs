import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: ['.next/**', '.data/**', 'lib/generated/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    rules: {
      // A leading underscore marks a value left out on purpose (e.g. dropped from a rest spread).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Only the data layer may touch the database (README, Architecture).
    files: ['app/**', 'components/**', 'lib/actions/**', 'proxy.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/lib/db', '@/lib/generated/*', '@prisma/*'], message: 'Read and write through lib/data, which authorises.' },
          ],
        },
      ],
    },
  },
  {
    // Reading components render what their page read (README, Architecture): they take props and
    // import nothing from the data layer; their shapes come from lib/reading/shapes.ts.
    files: ['components/reading/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/lib/db', '@/lib/generated/*', '@prisma/*'], message: 'Read and write through lib/data, which authorises.' },
            { group: ['@/lib/data', '@/lib/data/*'], message: 'Pages read; reading components take what they show as props (types: @/lib/reading/shapes).' },
          ],
        },
      ],
    },
  },
];

export default config;
