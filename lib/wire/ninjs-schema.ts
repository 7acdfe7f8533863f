import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import schema16 from './schemas/ninjs-schema_1.6.json';
import schema20 from './schemas/ninjs-schema_2.0.json';
import schema22 from './schemas/ninjs-schema_2.2.json';
import schema31 from './schemas/ninjs-schema_3.1.json';

// IPTC's own ninjs schemas (lib/wire/schemas), compiled once each on first use. The schemas are
// written for three JSON Schema drafts, each with its own ajv class.

export type NinjsSchemaVersion = '1.6' | '2.0' | '2.2' | '3.1';

const compiled = new Map<NinjsSchemaVersion, ValidateFunction>();

function compile(version: NinjsSchemaVersion): ValidateFunction {
  // strict: false because the schemas use keywords ajv's strict mode does not know (titles in
  // odd places, "$standard"); the validation itself is the schema's.
  const options = { strict: false, allErrors: false };
  const ajv = version === '1.6' ? new Ajv(options) : version === '2.0' ? new AjvDraft04(options) : new Ajv2020(options);
  addFormats(ajv);
  // The 2.x and 3.x schemas point at GeoJSON's schema for places' geometry. It is never fetched
  // (the server reaches no outside address for this): a geometry is checked only as an object.
  if (version !== '1.6') ajv.addSchema({ type: 'object' }, 'https://geojson.org/schema/GeoJSON.json');
  const schema = { '1.6': schema16, '2.0': schema20, '2.2': schema22, '3.1': schema31 }[version];
  return ajv.compile(schema);
}

/** Null when the document is valid ninjs of this version; else the first problem, with where it is. */
export function ninjsProblem(document: unknown, version: NinjsSchemaVersion): string | null {
  let validate = compiled.get(version);
  if (!validate) compiled.set(version, (validate = compile(version)));
  if (validate(document)) return null;
  const error = validate.errors?.[0];
  if (!error) return 'not valid';
  const where = error.instancePath || '/';
  const detail = error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties' ? ` (${String((error.params as Record<string, unknown>).additionalProperty ?? (error.params as Record<string, unknown>).unevaluatedProperty)})` : error.keyword === 'enum' ? ` (${((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')})` : '';
  return `${where} ${error.message ?? 'is not valid'}${detail}`;
}
