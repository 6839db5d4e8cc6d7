export { EXPORT_FORMATS, exportEvents, type ExportFormat } from "./export-events.js";
export { ACLED_COLUMNS, ACLED_CSV_HEADER, SITREP_COLUMNS, acledRow, type AcledCsvColumn, type AcledCsvRow } from "./acled-csv.js";
export { ACLED_REGIONS, acledRegion, type AcledRegion } from "./acled-regions.js";
export { eventFeature, type EventFeature, type EventProperties } from "./geojson.js";
export { ploverRecord, type PloverActor, type PloverCitation, type PloverLocation, type PloverRecord } from "./plover-jsonl.js";
