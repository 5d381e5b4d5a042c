import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";

/**
 * Reads a form that may carry files, so that a file over its limit is refused beside its field
 * while every other field still arrives (the page fills them in again): an oversized file is read
 * to its end and dropped, and its field named in `oversized`. Text fields have a limit of their
 * own; a body that breaks it, or that is not a form, is `malformed`.
 */
export interface UploadForm {
  form: FormData;
  oversized: Set<string>;
}

export async function readUploadForm(
  request: Request,
  limits: { maxFileBytes: number; maxFieldBytes?: number },
): Promise<{ ok: true; upload: UploadForm } | { ok: false; reason: "malformed" }> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("multipart/form-data")) {
    try {
      return { ok: true, upload: { form: await request.formData(), oversized: new Set() } };
    } catch {
      return { ok: false, reason: "malformed" };
    }
  }
  const maxField = limits.maxFieldBytes ?? 64 * 1024;
  const oversized = new Set<string>();
  const handler: UploadHandler = async ({ name, filename, contentType, data }) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const limit = filename === undefined ? maxField : limits.maxFileBytes;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size <= limit) chunks.push(chunk);
    }
    if (filename === undefined) {
      if (size > limit) throw new Error("field too large");
      return new TextDecoder().decode(Buffer.concat(chunks));
    }
    if (size > limit) {
      oversized.add(name);
      return undefined;
    }
    // No file chosen: browsers send an empty part with an empty name.
    if (size === 0 && !filename) return undefined;
    return new File([Buffer.concat(chunks)], filename || "upload", { type: contentType });
  };
  try {
    return { ok: true, upload: { form: await unstable_parseMultipartFormData(request, handler), oversized } };
  } catch {
    return { ok: false, reason: "malformed" };
  }
}
