import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { call, jsonOf, signInAs } from "../../helpers/remix";
import { documentInput } from "./documents-fixtures";

/** The documents' list sends only what it shows: the table's columns, and as author filter only the authors of a document. */
let secretariat: string;
let list: typeof import("~/routes/admin.documents._index");
let create: typeof import("~/routes/admin.documents.new");

beforeAll(async () => {
  secretariat = await signInAs("secretariat");
  list = await import("~/routes/admin.documents._index");
  create = await import("~/routes/admin.documents.new");
});

type ListPage = {
  rows: Array<Record<string, unknown>>;
  authors: Array<{ id: number; full_name: string }>;
};

describe("/admin/documents stays light", () => {
  it("offers as authors only the registrations that wrote a document, and sends no body", async () => {
    const author = await getDb()
      .selectFrom("registrations")
      .select(["id", "full_name", "conference_id"])
      .where("status", "=", "approved")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const created = await call(create.action, {
      path: "/admin/documents/new",
      form: {
        intent: "save",
        ...documentInput({ title: "Tham luận nhẹ trang", authorRegistrationId: String(author.id), authorName: "" }),
      },
      cookie: secretariat,
    });
    expect(created.status).toBe(302);
    const data = await jsonOf<ListPage>(await call(list.loader, { path: "/admin/documents", cookie: secretariat }));
    const approved = await getDb()
      .selectFrom("registrations")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("conference_id", "=", author.conference_id)
      .where("status", "=", "approved")
      .executeTakeFirstOrThrow();
    // Every offered author wrote a document; the new one's author is among them; far fewer than every delegate.
    const authorIds = await getDb()
      .selectFrom("documents")
      .select("author_registration_id")
      .where("author_registration_id", "is not", null)
      .execute();
    const writers = new Set(authorIds.map((r) => r.author_registration_id));
    expect(data.authors.map((a) => a.id)).toContain(author.id);
    expect(data.authors.every((a) => writers.has(a.id))).toBe(true);
    expect(data.authors.length).toBeLessThan(Number(approved.n));
    // The rows carry the table's columns, not the body.
    const row = data.rows.find((r) => r.title === "Tham luận nhẹ trang")!;
    expect(Object.keys(row).sort()).toEqual(
      ["author", "id", "kind", "language", "length", "session_en", "session_vi", "state", "title", "updated_at"].sort(),
    );
    expect(row.author).toBe(author.full_name);
  });
});
