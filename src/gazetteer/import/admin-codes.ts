/**
 * GeoNames admin1CodesASCII.txt and admin2Codes.txt: the names of first- and
 * second-level divisions by code ("SY.08", "SY.08.123"), which places refer
 * to by their admin1/admin2 columns.
 */
import type { GazetteerWriter } from "../store.js";
import { formatError, type DumpFormat } from "./dump-format.js";

// Codes are dot-separated parts; some dumps carry spaces inside a part ("IR.25.Mahdishahr (undefined)"), which is no reason to refuse the file.
const CODE = { 1: /^[A-Z]{2}\.[^.]+$/, 2: /^[A-Z]{2}\.[^.]+\.[^.]+$/ } as const;

export function createAdminCodesFormat(writer: GazetteerWriter, level: 1 | 2): DumpFormat {
  return {
    kind: level === 1 ? "admin1-codes" : "admin2-codes",
    columns: [4],
    writeLine(fields, at, tally) {
      const [code = "", name = "", asciiName = "", geonameId = ""] = fields;
      if (!CODE[level].test(code)) throw formatError(at, `not an admin${level} code: ${JSON.stringify(code)}`);
      if (name.trim() === "") throw formatError(at, `${code} has no name`);
      writer.upsertAdminCode(code, name, asciiName || null, geonameId || null);
      tally.adminCodes += 1;
    },
  };
}
