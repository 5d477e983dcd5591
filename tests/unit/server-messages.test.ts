import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { localiseServerMessage } from "@/lib/i18n/server-messages";
import { statusChangeSchema } from "@/lib/domain/edit-schemas";
import { describeError } from "@/lib/domain/errors";

describe("the server's messages at a French form", () => {
  it("translates fixed messages and messages about a field, and leaves English as it is", () => {
    expect(localiseServerMessage("Some fields need attention.", "fr")).toBe("Certains champs sont à revoir.");
    expect(localiseServerMessage("Summary is required", "fr")).toBe("Résumé : obligatoire");
    expect(localiseServerMessage("Title must be at most 300 characters", "fr")).toBe("Titre : au plus 300 caractères");
    expect(localiseServerMessage("People affected must be at most 1,000,000,000", "fr")).toBe("Personnes touchées : au plus 1\u202f000\u202f000\u202f000");
    expect(localiseServerMessage("This text contains a NUL character.", "fr")).toBe("Ce texte contient un caractère NUL.");
    expect(localiseServerMessage("Summary is required", "en")).toBe("Summary is required");
    expect(localiseServerMessage("A message nobody listed", "fr")).toBe("A message nobody listed");
  });

  it("has French for every message an empty status change gets", () => {
    const parsed = statusChangeSchema.safeParse({ version: 1, sources: [{}] });
    expect(parsed.success).toBe(false);
    const answer = describeError(new ZodError(parsed.error!.issues))!;
    const messages = [answer.formMessage, ...(answer.issues ?? []).map((issue) => issue.message)];
    expect(messages.length).toBeGreaterThan(3);
    for (const message of messages) expect(localiseServerMessage(message, "fr"), message).not.toBe(message);
  });
});
