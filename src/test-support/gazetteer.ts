/**
 * A small gazetteer for tests, written here by the project: real place names
 * with rounded public coordinates, plus the homonyms and look-alikes that make
 * resolution hard (al-Jubbah near Aleppo, Aarsele in Belgium, Milan).
 */
import { Gazetteer } from "../gazetteer/gazetteer.js";
import { GazetteerWriter, openGazetteerDatabase, type NameRow, type PlaceRow } from "../gazetteer/store.js";

type Row = [sourceId: string, name: string, featureClass: string, featureCode: string, country: string, admin1: string, lat: number, lon: number, population: number, names: string[]];

const ROWS: Row[] = [
  ["1001", "Aarsâl", "P", "PPL", "LB", "11", 34.179, 36.421, 40000, ["Arsal", "Ersal", "Aarsal", "عرسال"]],
  ["1002", "Al Jubbah", "P", "PPL", "SY", "08", 33.91, 36.48, 5000, ["Jubbah", "Joubbé", "الجبة"]],
  ["1003", "Al Jūbah", "P", "PPL", "SY", "09", 36.37, 37.34, 9000, ["Jubah", "Jubbah"]],
  ["1004", "‘Assāl al Ward", "P", "PPLA3", "SY", "08", 33.86, 36.41, 6000, ["Assal al-Ward", "عسال الورد"]],
  ["1005", "Flītah", "P", "PPL", "SY", "08", 34.0, 36.56, 3000, ["Flita", "Falitah", "فليطة"]],
  ["1006", "Homs", "P", "PPLA", "SY", "11", 34.73, 36.71, 775000, ["Hims", "Homs", "حمص"]],
  ["1007", "Damascus", "P", "PPLC", "SY", "13", 33.51, 36.29, 1570000, ["Damas", "Dimashq", "دمشق"]],
  ["1008", "Aarsele", "P", "PPL", "BE", "VLG", 51.0, 3.42, 3800, []],
  ["1009", "Milan", "P", "PPLA", "IT", "09", 45.46, 9.19, 1370000, ["Milano"]],
  ["1010", "Beirut", "P", "PPLC", "LB", "04", 33.89, 35.5, 1900000, ["Beyrouth", "بيروت"]],
  ["1011", "Hama", "P", "PPLA", "SY", "10", 35.13, 36.75, 700000, ["Hamah", "حماة"]],
  // A capital and a town of its name in a story about the town's country; a village named like a state's abbreviation,
  // one named like a contraction.
  ["1012", "London", "P", "PPLC", "GB", "ENG", 51.51, -0.13, 8900000, []],
  ["1013", "London", "P", "PPLA2", "US", "KY", 37.13, -84.08, 8000, []],
  ["1014", "Lexington", "P", "PPLA2", "US", "KY", 38.05, -84.5, 320000, []],
  ["1015", "Louisville", "P", "PPL", "US", "KY", 38.25, -85.76, 620000, []],
  ["1016", "Va", "P", "PPL", "BF", "01", 10.06, -2.5, 2000, []],
  ["1017", "Were", "P", "PPL", "ID", "17", -8.87, 121.06, 3000, []],
  // A hamlet whose Arabic name is a common word ("cases").
  ["1018", "Halat", "P", "PPL", "SY", "08", 33.7, 36.6, 0, ["حالات"]],
];

const COUNTRIES: [code: string, name: string, lat: number, lon: number, names: NameRow[]][] = [
  ["SY", "Syria", 35.0, 38.5, [{ name: "Syrie", lang: "fr", kind: "preferred" }, { name: "سوريا", lang: "ar", kind: "preferred" }, ...demonyms("fr", "syrien syrienne syriens syriennes"), ...demonyms("en", "Syrian Syrians"), ...demonyms("ar", "سوري السوري السورية سورية")]],
  ["LB", "Lebanon", 33.9, 35.9, [{ name: "Liban", lang: "fr", kind: "preferred" }, { name: "لبنان", lang: "ar", kind: "preferred" }, ...demonyms("fr", "libanais libanaise libanaises"), ...demonyms("en", "Lebanese"), ...demonyms("ar", "لبناني اللبناني اللبنانية")]],
];

function demonyms(lang: string, forms: string): NameRow[] {
  return forms.split(" ").map((name) => ({ name, lang, kind: "demonym" }));
}

function place(source: string, sourceId: string, name: string, featureClass: string, featureCode: string, country: string, lat: number, lon: number, extra: Partial<PlaceRow> = {}): PlaceRow {
  return { source, sourceId, name, featureClass, featureCode, country, admin1Code: null, admin2Code: null, lat, lon, population: null, radiusKm: null, precision: null, provenance: "written for tests", ...extra };
}

export function createTestGazetteer(): Gazetteer {
  const db = openGazetteerDatabase(":memory:");
  const writer = new GazetteerWriter(db);
  writer.transaction(() => {
    for (const [id, name, featureClass, featureCode, country, admin1, lat, lon, population, names] of ROWS) {
      writer.upsertPlace(place("geonames", id, name, featureClass, featureCode, country, lat, lon, { admin1Code: admin1, population }), names.map((alternate) => ({ name: alternate, lang: null, kind: "alternate" })));
    }
    for (const [code, name, lat, lon, names] of COUNTRIES) writer.upsertPlace(place("natural-earth", code, name, "A", "PCLI", code, lat, lon, { radiusKm: 150 }), names);
    writer.upsertPlace(place("overlay", "qalamoun-mountains", "Qalamoun Mountains", "T", "MTS", "SY|LB", 33.95, 36.55, { radiusKm: 40, precision: 3 }), [
      { name: "Qalamoun", lang: "en", kind: "alternate" },
      { name: "Qalamoune", lang: "fr", kind: "alternate" },
      { name: "القلمون", lang: "ar", kind: "alternate" },
    ]);
    writer.upsertPlace(place("natural-earth", "US", "United States of America", "A", "PCLI", "US", 39.76, -98.5, { radiusKm: 2000 }), [{ name: "US", lang: "en", kind: "alternate" }]);
    writer.upsertPlace(place("geonames-admin1", "US.VA", "Virginia", "A", "ADM1", "US", 37.84, -79.08, { admin1Code: "VA" }), [{ name: "Va.", lang: "en", kind: "alternate" }]);
    writer.upsertPlace(place("overlay", "european-union", "European Union", "L", "RGNE", "DE|FR", 48.69, 9.14, { radiusKm: 2600, precision: 3 }), [{ name: "EU", lang: "en", kind: "alternate" }]);
    writer.upsertAdminCode("SY.08", "Rif Dimashq", null, null);
    writer.upsertAdminCode("SY.09", "Aleppo", null, null);
  });
  return new Gazetteer(":memory:", db);
}
