import { describe, expect, it } from "vitest";
import { authorize } from "@/lib/domain/actor";
import { ACTIONS, can } from "@/lib/domain/permissions";
import { ForbiddenError, UnauthenticatedError } from "@/lib/domain/errors";

describe("permissions", () => {
  it("lets viewers read, export and follow changes only", () => {
    expect(ACTIONS.filter((a) => can("VIEWER", a))).toEqual(["read", "export", "follow"]);
  });

  it("lets analysts edit but not manage users or tokens", () => {
    expect(can("ANALYST", "editEvents")).toBe(true);
    expect(can("ANALYST", "editOrganisations")).toBe(true);
    expect(can("ANALYST", "manageUsers")).toBe(false);
    expect(can("ANALYST", "manageApiTokens")).toBe(false);
  });

  it("lets admins do everything", () => {
    expect(ACTIONS.every((a) => can("ADMIN", a))).toBe(true);
  });

  it("refuses anonymous and under-privileged actors with distinct errors", () => {
    expect(() => authorize(null, "read")).toThrow(UnauthenticatedError);
    const viewer = { id: 1, email: "v@example.org", name: "V", role: "VIEWER" as const };
    expect(() => authorize(viewer, "editEvents")).toThrow(ForbiddenError);
    expect(authorize(viewer, "read")).toBe(viewer);
  });
});
