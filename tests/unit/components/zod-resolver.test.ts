import { describe, expect, it } from "vitest";
import { z } from "zod";
import { zodResolver } from "~/components/zod-resolver";
import { registrationSchema } from "~/features/registration/schema";

const options = (fields: Record<string, unknown> = {}, names?: string[]) => ({
  fields: fields as never,
  names: names as never,
  shouldUseNativeValidation: false,
});

describe("zodResolver (react-hook-form over our zod schemas)", () => {
  it("returns the schema's output when the values pass", async () => {
    const schema = z.object({ n: z.string().transform(Number) });
    expect(await zodResolver(schema)({ n: "12" }, undefined, options())).toEqual({ values: { n: 12 }, errors: {} });
  });

  it("keeps the first error of each field, with our dictionary key and the field's element as ref", async () => {
    const ref = { name: "fullName" };
    const result = await zodResolver(registrationSchema)(
      { fullName: "  ", email: "not-an-address" } as never,
      undefined,
      options({ fullName: { ref, name: "fullName" } }),
    );
    expect(result.values).toEqual({});
    expect(result.errors.fullName).toEqual({ message: "errors.required", type: "too_small", ref });
    expect(result.errors.email).toMatchObject({ message: "errors.email", type: "invalid_string" });
    expect(result.errors.honorific).toMatchObject({ message: "errors.choice" });
  });

  it("takes a radio group's first element as ref", async () => {
    const first = { name: "mode" };
    const result = await zodResolver(z.object({ mode: z.enum(["a", "b"]) }))(
      {} as never,
      undefined,
      options({ mode: { refs: [first, { name: "mode" }], name: "mode" } }),
    );
    expect(result.errors.mode?.ref).toBe(first);
  });

  it("nests dotted paths and puts a field array's own error under root", async () => {
    const schema = z.object({
      a: z.object({ b: z.string({ required_error: "errors.required" }) }),
      c: z.array(z.string()).min(2, "errors.tooShort"),
    });
    const result = await zodResolver(schema)({ a: {}, c: ["x"] } as never, undefined, options({}, ["a.b", "c.0"]));
    expect(result.errors).toMatchObject({
      a: { b: { message: "errors.required" } },
      c: { root: { message: "errors.tooShort" } },
    });
  });

  it("reports a union's error from the member that came closest", async () => {
    const schema = z.object({ u: z.union([z.string().min(3, "errors.tooShort"), z.number()]) });
    const result = await zodResolver(schema)({ u: "ab" }, undefined, options());
    expect(result.errors.u).toMatchObject({ message: "errors.tooShort", type: "too_small" });
  });
});
