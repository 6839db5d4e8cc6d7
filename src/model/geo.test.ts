import { describe, expect, it } from "vitest";
import { distanceKm, EARTH_RADIUS_KM } from "./geo.js";

const BEIRUT = { lat: 33.8938, lon: 35.5018 };
const DAMASCUS = { lat: 33.5138, lon: 36.2765 };

describe("distanceKm", () => {
  it("measures Beirut to Damascus at about 83 km", () => {
    expect(distanceKm(BEIRUT, DAMASCUS)).toBeCloseTo(83.19, 1);
    expect(distanceKm(DAMASCUS, BEIRUT)).toBeCloseTo(distanceKm(BEIRUT, DAMASCUS), 9);
  });

  it("gives 0 for one point, about 111.2 km for a degree of latitude, half the circumference for antipodes", () => {
    expect(distanceKm(BEIRUT, BEIRUT)).toBe(0);
    expect(distanceKm({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(111.2, 1);
    expect(distanceKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
    expect(distanceKm({ lat: 90, lon: 0 }, { lat: -90, lon: 0 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
  });
});
