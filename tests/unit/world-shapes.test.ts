import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { MAP_HEIGHT, MAP_WIDTH, worldOutlinesSvg, worldShapes } = await import("@/lib/map/world-shapes");

describe("the world map's outlines", () => {
  it("leave out Antarctica and keep the rest of the world", () => {
    const codes = worldShapes().map((s) => s.iso3);
    expect(codes).not.toContain("ATA");
    expect(codes).toEqual(expect.arrayContaining(["NER", "MLI", "BFA", "FJI", "NZL", "CHL"]));
  });

  it("fill the map's height: the lowest point of any outline is at the bottom edge", () => {
    const ys = [...worldOutlinesSvg().matchAll(/[ML,]-?[\d.]+,(-?[\d.]+)/g)].map((m) => Number(m[1]));
    expect(Math.max(...ys)).toBeGreaterThan(MAP_HEIGHT - 2);
    expect(Math.max(...ys)).toBeLessThanOrEqual(MAP_HEIGHT + 0.5);
    expect(MAP_WIDTH).toBe(960);
  });
});
