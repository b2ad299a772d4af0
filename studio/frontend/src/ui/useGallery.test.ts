import { describe, expect, it } from "vitest";
import { defaultGalleryOf } from "./useGallery";
import type { Gallery } from "../api/types";

const g = (id: number): Gallery => ({ id, config: { name: `g${id}`, metadata: {}, components: {} } });

describe("defaultGalleryOf", () => {
  it("takes the settings' choice, else the user's first gallery (listed last)", () => {
    expect(defaultGalleryOf([g(3), g(1)], 3)?.id).toBe(3);
    expect(defaultGalleryOf([g(3), g(1)], undefined)?.id).toBe(1);
    expect(defaultGalleryOf([g(3), g(1)], 99)?.id).toBe(1);
    expect(defaultGalleryOf([], undefined)).toBeUndefined();
  });
});
