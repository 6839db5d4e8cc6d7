/** The `source` a gazetteer place is stored under: the data set it came from, which the rest of sitrep may tell apart. */
export const GEONAMES_SOURCE = "geonames";
/** Countries of the default gazetteer: Natural Earth shapes, world-countries points, names from i18n-iso-countries. */
export const COUNTRIES_SOURCE = "natural-earth";
/** The project's curated natural features and regions (data/gazetteer/overlay.tsv and world-regions.tsv). */
export const OVERLAY_SOURCE = "overlay";
