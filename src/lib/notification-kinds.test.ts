import { describe, expect, it } from "vitest";
import en from "../../messages/en/notifications-ui.json";
import es from "../../messages/es/notifications-ui.json";
import { NOTIFICATION_KIND_NAMES } from "./notification-kinds";

describe("notification kinds", () => {
  it("every kind has its name for people in both catalogues (the preferences table and the unsubscribe page)", () => {
    for (const catalogue of [en, es]) {
      const names = catalogue.prefs.kind as Record<string, Record<string, string>>;
      for (const kind of NOTIFICATION_KIND_NAMES) {
        const [group = "", name = ""] = kind.split(".");
        expect(names[group]?.[name], `${kind}`).toMatch(/\S/);
      }
    }
  });
});
