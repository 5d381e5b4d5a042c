/**
 * A document's image as an HTTP answer: its type from the record (never sniffed by the browser), a
 * name of our own, cached only by the viewer's browser (who may see it depends on who asks).
 */
export function imageAnswer(image: { data: Buffer; contentType: string }, imageId: number): Response {
  return new Response(new Uint8Array(image.data), {
    status: 200,
    headers: {
      "Content-Type": image.contentType,
      "Content-Length": String(image.data.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, max-age=300",
      "Content-Disposition": `inline; filename="image-${imageId}.${image.contentType === "image/webp" ? "webp" : "jpg"}"`,
    },
  });
}

/** The same 404 for an image that does not exist and one the viewer may not see. */
export function imageNotFound(): Response {
  return new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" },
  });
}
