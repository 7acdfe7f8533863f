import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

// lib/db reads DATABASE_URL when it first connects; point it at this run's database.
process.env.DATABASE_URL = inject('databaseUrl');

// Uploaded media go to a throwaway directory.

process.env.MASTHEAD_MEDIA_DIR = mkdtempSync(path.join(os.tmpdir(), 'masthead-media-'));
