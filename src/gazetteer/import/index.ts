export { importGeoNamesDump, type ImportOptions, type ImportSummary } from "./import-dump.js";
export type { DumpKind, ImportTally } from "./dump-format.js";
export { GEONAMES_SOURCE } from "../sources.js";
