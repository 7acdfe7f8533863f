import { inject } from 'vitest';

// lib/db reads DATABASE_URL when it first connects; point it at this run's database.
process.env.DATABASE_URL = inject('databaseUrl');
