import { beforeAll, describe, expect, it } from "vitest";
import { addProduct } from "~/features/exhibition/applications/products.server";
import { catalogueData } from "~/features/exhibition/allocation/prints.server";
import { getDb } from "~/platform/db.server";
import { call, jsonOf, signInAs } from "../../helpers/remix";
import { allocate, hallWith, ROW } from "./allocation-data";
import { applicationFields, clearDemoApplication, demoUserId, otherExhibitor, postForm } from "./application-support";

/**
 * One exhibitor against another's rows (IDOR by id), and what every page sends to the browser of
 * applications that are not the reader's: contacts never, unapproved ones not at all.
 */
const APPLY = "/exhibition/apply";
let exhibitor: string;
let delegate: string;
let apply: typeof import("~/routes/exhibition.apply");
let catalogue: typeof import("~/routes/exhibition._index");
let exhibitorPage: typeof import("~/routes/exhibition.exhibitors.$id");
let other: Awaited<ReturnType<typeof otherExhibitor>>;
let theirProduct: number;
let conferenceId: number;
let booths: Record<string, number>;

const SECRET_PHONE = "0912 345 678";

beforeAll(async () => {
  await clearDemoApplication();
  [exhibitor, delegate] = await Promise.all((["exhibitor", "delegate"] as const).map(signInAs));
  apply = await import("~/routes/exhibition.apply");
  catalogue = await import("~/routes/exhibition._index");
  exhibitorPage = await import("~/routes/exhibition.exhibitors.$id");
  const saved = await postForm(
    apply.action,
    APPLY,
    { intent: "save", ...(await applicationFields()) },
    { cookie: exhibitor },
  );
  if (saved.status !== 302) throw new Error(`save failed: ${saved.status}`);
  other = await otherExhibitor("approved");
  conferenceId = other.conferenceId;
  await getDb()
    .updateTable("exhibitors")
    .set({ contact_phone: SECRET_PHONE, about_vi: "Gốm men lam" })
    .where("id", "=", other.exhibitorId)
    .execute();
  const owner = { conferenceId, userId: other.userId, actor: { id: other.userId, ip: null } };
  const product = await addProduct(getDb(), owner, {
    nameVi: "Bình gốm men lam",
    nameEn: "Blue glaze vase",
    category: "ceramics",
    descriptionVi: "",
    descriptionEn: "",
    caption: "",
  });
  if (!product.ok) throw new Error("no product");
  theirProduct = product.productId;
  booths = (await hallWith(ROW)).ids;
});

const productRow = (id: number) =>
  getDb().selectFrom("exhibitor_products").selectAll().where("id", "=", id).executeTakeFirst();

describe("an exhibitor against another's rows", () => {
  it("may neither edit nor delete another's product by its id (404, unchanged)", async () => {
    const before = await productRow(theirProduct);
    const edit = await postForm(
      apply.action,
      APPLY,
      { intent: "update-product", productId: String(theirProduct), nameVi: "Bị sửa", category: "other" },
      { cookie: exhibitor },
    );
    expect(edit.status).toBe(404);
    const remove = await postForm(
      apply.action,
      APPLY,
      { intent: "delete-product", productId: String(theirProduct) },
      { cookie: exhibitor },
    );
    expect(remove.status).toBe(404);
    expect(await productRow(theirProduct)).toEqual(before);
  });

  it("may name as neighbours only applications submitted or approved, never itself", async () => {
    const db = getDb();
    const own = await db
      .selectFrom("exhibitors")
      .select("id")
      .where("user_id", "=", await demoUserId())
      .executeTakeFirstOrThrow();
    for (const status of ["draft", "rejected", "withdrawn"] as const) {
      const named = await otherExhibitor("draft");
      await db.updateTable("exhibitors").set({ status }).where("id", "=", named.exhibitorId).execute();
      const response = await postForm(
        apply.action,
        APPLY,
        {
          intent: "save",
          ...(await applicationFields({ neighbours: [String(other.exhibitorId), String(named.exhibitorId)] })),
        },
        { cookie: exhibitor },
      );
      expect(response.status, status).toBe(400);
      expect((await jsonOf<{ errors: Record<string, string> }>(response)).errors.neighbours).toBe(
        "exhibition.applications.errors.neighbour",
      );
    }
    const itself = await postForm(
      apply.action,
      APPLY,
      { intent: "save", ...(await applicationFields({ neighbours: [String(own.id)] })) },
      { cookie: exhibitor },
    );
    expect(itself.status).toBe(400);
    expect(
      await db.selectFrom("exhibitor_neighbours").select("neighbour_id").where("exhibitor_id", "=", own.id).execute(),
    ).toEqual([]);
  });
});

describe("what pages send of applications that are not the reader's", () => {
  it("/exhibition/apply: others' names to pick from, never their contact, account or texts", async () => {
    const page = JSON.stringify(await jsonOf(await call(apply.loader, { path: APPLY, cookie: exhibitor })));
    expect(page).toContain("Công ty Gốm Bát Tràng");
    for (const secret of [
      "gom@battrang.test",
      SECRET_PHONE,
      "Nguyễn Văn Khác",
      other.userId,
      "Gốm men lam",
      "Bình gốm",
    ])
      expect(page.includes(secret), secret).toBe(false);
  });

  it("/exhibition: no application that is not approved, on the plan or in the list, and nobody's contact", async () => {
    const hidden = await otherExhibitor("submitted");
    await getDb()
      .updateTable("exhibitors")
      .set({ name_vi: "Đơn chưa duyệt" })
      .where("id", "=", hidden.exhibitorId)
      .execute();
    await allocate(hidden.exhibitorId, booths.A01, { locked: true });
    await allocate(other.exhibitorId, booths.A02);
    const page = await jsonOf<{ plan: { booths: { code: string; exhibitor: unknown }[] } }>(
      await call(catalogue.loader, { path: "/exhibition", cookie: delegate }),
    );
    const text = JSON.stringify(page);
    expect(text).toContain("Công ty Gốm Bát Tràng");
    for (const secret of [
      "Đơn chưa duyệt",
      "Hợp tác xã Nông sản Lục Ngạn",
      "gom@battrang.test",
      SECRET_PHONE,
      hidden.userId,
      other.userId,
    ])
      expect(text.includes(secret), secret).toBe(false);
    expect(page.plan.booths.find((b) => b.code === "A01")!.exhibitor).toBeNull();
    const pdf = await catalogueData(getDb(), conferenceId);
    const printed = pdf.exhibitors.map((e) => e.name_vi);
    expect(printed).toContain("Công ty Gốm Bát Tràng");
    expect(printed).not.toContain("Đơn chưa duyệt");
    expect(printed).not.toContain("Hợp tác xã Nông sản Lục Ngạn");
  });

  it("/exhibition/exhibitors/:id: 404 for an application not approved, to other exhibitors and delegates", async () => {
    const hidden = await otherExhibitor("draft");
    for (const status of ["draft", "submitted", "rejected", "withdrawn"] as const) {
      await getDb().updateTable("exhibitors").set({ status }).where("id", "=", hidden.exhibitorId).execute();
      for (const cookie of [exhibitor, delegate]) {
        const response = await call(exhibitorPage.loader, {
          path: `/exhibition/exhibitors/${hidden.exhibitorId}`,
          cookie,
          params: { id: String(hidden.exhibitorId) },
        });
        expect(response.status, status).toBe(404);
      }
    }
  });
});
