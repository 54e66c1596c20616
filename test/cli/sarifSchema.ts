// The SARIF 2.1.0 JSON schema shipped in test/fixtures/cli/ (OASIS, draft-07), compiled once with ajv.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

let validator: ValidateFunction | undefined;

export function sarifValidator(): ValidateFunction {
  if (validator) return validator;
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'cli', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  validator = ajv.compile(schema);
  return validator;
}
