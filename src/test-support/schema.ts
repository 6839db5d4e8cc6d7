import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv";

const root = new URL("../../", import.meta.url);
const ajv = new Ajv2020({ allErrors: true, strict: true });

function compile(name: string): ValidateFunction {
  return ajv.compile(JSON.parse(readFileSync(new URL(`schema/${name}`, root), "utf8")) as object);
}

const validators = { analysis: compile("analysis.schema.json"), error: compile("error.schema.json") };

/** Throws with ajv's findings when `value` does not follow the published schema. */
export function assertValid(kind: keyof typeof validators, value: unknown): void {
  const validate = validators[kind];
  if (!validate(value)) throw new Error(`not a valid ${kind}: ${ajv.errorsText(validate.errors)}`);
}

export const projectRoot = root;
