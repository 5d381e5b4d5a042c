import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { auditEn } from "~/platform/audit-messages.en";
import { auditVi } from "~/platform/audit-messages.vi";
import {
  actionsOfKind,
  auditKindOf,
  auditSentence,
  AUDIT_ACTIONS,
  AUDIT_KINDS,
  type AuditLine,
} from "~/platform/audit-sentences";

const APP = fileURLToPath(new URL("../../../app/", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Strings in the files that call recordAudit and look like action codes (family.verb), less known non-actions. */
const NOT_ACTIONS = new Set([
  "registration.closed",
  "registration.confirm",
  "registration.duplicate",
  "registration.known_address",
  "room.id",
  "room.stream_url",
  "session.changed",
]);
const FAMILY =
  /"((?:agreement|auth|conference|exhibition_[a-z]+|invitation|meeting[a-z_]*|outbox|quota|registration|room|session|user)\.[a-z_]+)"/g;
function actionsInUse(): string[] {
  const found = new Set<string>();
  for (const file of sources(APP)) {
    const text = readFileSync(file, "utf8");
    if (!text.includes("recordAudit(") || file.endsWith("audit.server.ts")) continue;
    for (const m of text.matchAll(FAMILY)) if (!NOT_ACTIONS.has(m[1])) found.add(m[1]);
  }
  // Built from a template: `registration.${approve | reject | set_status}` (registrations.server.ts).
  found.add("registration.set_status");
  // `exhibition_application.${approve | reject}` (review.server.ts), `exhibition_allocation.${release | lock | unlock | confirm}` (hand.server.ts).
  for (const a of ["exhibition_application.approve", "exhibition_application.reject"]) found.add(a);
  for (const c of ["release", "lock", "unlock", "confirm"]) found.add(`exhibition_allocation.${c}`);
  return [...found].sort();
}

const line = (action: string, more: Partial<AuditLine> = {}): AuditLine => ({
  action,
  detail: null,
  actorName: "Nguyễn Thị Thu Hà",
  target: "Lê Văn Hùng",
  entityId: "7",
  ...more,
});

describe("audit sentences", () => {
  it("has a sentence in both languages for every action code that recordAudit writes", () => {
    const inUse = actionsInUse();
    expect(inUse.length).toBeGreaterThan(50);
    expect(inUse.filter((a) => !(AUDIT_ACTIONS as string[]).includes(a))).toEqual([]);
    for (const action of inUse) {
      for (const locale of ["vi", "en"] as const) {
        const text = auditSentence(line(action, { detail: JSON.stringify({ ids: [1, 2, 3] }) }), locale);
        expect(text, `${action} (${locale})`).toMatch(/^Nguyễn Thị Thu Hà /);
        expect(text, `${action} (${locale})`).not.toMatch(/[{}]|\b[a-z_]+\.[a-z_]+\b/);
      }
    }
    // Same keys in both languages.
    expect(Object.keys(auditEn).sort()).toEqual(Object.keys(auditVi).sort());
  });

  it("reads an approval as the issue asks, with the change of status, in Vietnamese and English", () => {
    const approve = line("registration.approve", { detail: JSON.stringify({ from: "pending", to: "approved" }) });
    expect(auditSentence(approve, "vi")).toBe("Nguyễn Thị Thu Hà duyệt đăng ký của Lê Văn Hùng: chờ duyệt → đã duyệt");
    expect(auditSentence(approve, "en")).toBe(
      "Nguyễn Thị Thu Hà approved the registration of Lê Văn Hùng: awaiting decision → approved",
    );
    const reject = line("registration.reject", { detail: JSON.stringify({ from: "waitlisted", to: "rejected" }) });
    expect(auditSentence(reject, "vi")).toBe(
      "Nguyễn Thị Thu Hà không duyệt đăng ký của Lê Văn Hùng: danh sách chờ → không được duyệt",
    );
  });

  it("names the check-in, the sign-in, counts, visitors and the system", () => {
    expect(auditSentence(line("registration.check_in"), "vi")).toBe("Nguyễn Thị Thu Hà ghi nhận Lê Văn Hùng có mặt");
    expect(auditSentence(line("registration.check_in_undo"), "en")).toBe(
      "Nguyễn Thị Thu Hà undid the check-in of Lê Văn Hùng",
    );
    expect(auditSentence(line("auth.sign_in", { target: null }), "vi")).toBe("Nguyễn Thị Thu Hà đăng nhập");
    expect(auditSentence(line("session.publish", { detail: JSON.stringify({ ids: [4, 5], n: 2 }) }), "vi")).toBe(
      "Nguyễn Thị Thu Hà công bố 2 phiên",
    );
    expect(auditSentence(line("registration.promote", { actorName: null }), "vi")).toBe(
      "Hệ thống chuyển Lê Văn Hùng từ danh sách chờ lên",
    );
    expect(auditSentence(line("registration.request", { actorName: null }), "en")).toMatch(
      /^A visitor \(not signed in\)/,
    );
    expect(auditSentence(line("session.join_online", { actorName: null, target: "Phiên toàn thể" }), "vi")).toBe(
      "Một đại biểu trực tuyến vào dự trực tuyến phiên Phiên toàn thể",
    );
  });

  it("says it plainly when a person acted on their own record", () => {
    const own = line("registration.create", { actorName: "Lê Văn Hùng", target: "Lê Văn Hùng" });
    expect(auditSentence(own, "vi")).toBe("Lê Văn Hùng đăng ký tham dự hội nghị");
    expect(auditSentence(own, "en")).toBe("Lê Văn Hùng registered for the conference");
    expect(auditSentence(line("registration.create"), "vi")).toBe("Nguyễn Thị Thu Hà tạo đăng ký của Lê Văn Hùng");
  });

  it("falls back to the entity's number when its name is gone, and to the code for an unknown action", () => {
    expect(auditSentence(line("room.delete", { target: null, entityId: "12" }), "vi")).toBe(
      "Nguyễn Thị Thu Hà xóa phòng #12",
    );
    expect(auditSentence(line("something.new"), "en")).toBe("Nguyễn Thị Thu Hà: something.new");
    // A detail that is not JSON, or not statuses, adds nothing.
    expect(auditSentence(line("registration.approve", { detail: "{oops" }), "vi")).toBe(
      "Nguyễn Thị Thu Hà duyệt đăng ký của Lê Văn Hùng",
    );
    expect(
      auditSentence(line("registration.approve", { detail: JSON.stringify({ from: "x", to: "approved" }) }), "vi"),
    ).toBe("Nguyễn Thị Thu Hà duyệt đăng ký của Lê Văn Hùng");
  });

  it("sorts every action into one kind for the filter", () => {
    for (const action of AUDIT_ACTIONS) expect(auditKindOf(action), action).not.toBeNull();
    expect(auditKindOf("meeting_request.accept")).toBe("meeting");
    expect(actionsOfKind("registration")).toContain("registration.check_in");
    expect(actionsOfKind("registration")).not.toContain("auth.sign_in");
    expect(AUDIT_KINDS.flatMap(actionsOfKind).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });
});
