import { describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { loader as programmeIcs } from "~/routes/programme[.]ics";
import { loader as programmePdf } from "~/routes/programme[.]pdf";
import { demoConference } from "../../helpers/factories";
import { call } from "../../helpers/remix";

describe("the public programme's PDF and calendar: ETag and 304", () => {
  for (const [name, loader, path] of [
    ["PDF", programmePdf, "/programme.pdf"],
    ["calendar", programmeIcs, "/programme.ics"],
  ] as const) {
    it(`${name}: the same ETag while nothing changes, 304 when the client has it, a new one after a change`, async () => {
      await demoConference();
      const first = await call(loader, { path });
      expect(first.status).toBe(200);
      const etag = first.headers.get("ETag")!;
      expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
      expect(first.headers.get("Cache-Control")).toBe("public, max-age=0, must-revalidate");
      const body = Buffer.from(await first.arrayBuffer());

      const again = await call(loader, { path });
      expect(again.headers.get("ETag")).toBe(etag);
      expect(Buffer.from(await again.arrayBuffer()).equals(body)).toBe(true);

      const cached = await call(loader, { path, headers: { "If-None-Match": `"other", ${etag}` } });
      expect(cached.status).toBe(304);
      expect(cached.headers.get("ETag")).toBe(etag);
      expect(await cached.text()).toBe("");

      // Another language is another document.
      const english = await call(loader, { path: `${path}?lang=en`, headers: { "If-None-Match": etag } });
      expect(english.status).toBe(200);
      expect(english.headers.get("ETag")).not.toBe(etag);

      // A session renamed: the old ETag no longer matches.
      const session = await getDb()
        .selectFrom("sessions")
        .select(["id", "title_vi"])
        .where("published", "=", 1)
        .orderBy("starts_at")
        .executeTakeFirstOrThrow();
      await getDb()
        .updateTable("sessions")
        .set({ title_vi: `${session.title_vi} (đổi tên)` })
        .where("id", "=", session.id)
        .execute();
      try {
        const changed = await call(loader, { path, headers: { "If-None-Match": etag } });
        expect(changed.status).toBe(200);
        expect(changed.headers.get("ETag")).not.toBe(etag);
      } finally {
        await getDb()
          .updateTable("sessions")
          .set({ title_vi: session.title_vi })
          .where("id", "=", session.id)
          .execute();
      }
    });
  }
});
