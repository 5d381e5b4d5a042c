import { Form } from "@remix-run/react";
import { useId } from "react";
import { useT } from "~/components/i18n";
import { SubmitButton } from "~/components/submit-button";
import { DOCUMENT_LIMITS } from "../../rules";

const D = "proceedings.documents";

interface ImageRow {
  id: number;
  width: number;
  height: number;
  caption: string;
}

interface Feedback {
  intent: string;
  errors: Record<string, string>;
  values?: Record<string, string>;
  params?: Record<string, string | number>;
}

/**
 * The document's images: upload (a multipart form that works without JavaScript; a refusal is said
 * beside the file field and the caption typed comes back), each image with the Markdown that places it,
 * its caption and a delete button.
 */
export function DocumentImages({
  documentId,
  images,
  feedback,
}: {
  documentId: number;
  images: ImageRow[];
  feedback: Feedback | undefined;
}) {
  const t = useT();
  const fileId = useId();
  const captionId = useId();
  const upload = feedback?.intent === "addImage" ? feedback : null;
  const fileError = upload ? (upload.errors.image ?? upload.errors[""]) : undefined;
  const captionError = upload?.errors.caption;
  return (
    <section aria-labelledby="document-images" className="card space-y-4">
      <h2 id="document-images" className="text-lg font-semibold">
        {t(`${D}.images.title`)}
      </h2>
      <p className="text-sm text-slate-600">
        {t(`${D}.images.hint`, {
          size: DOCUMENT_LIMITS.imageBytes / 1024 / 1024,
          max: DOCUMENT_LIMITS.imagesPerDocument,
        })}
      </p>
      {/* Keyed by the images: a successful upload empties the form. */}
      <Form
        key={images.length}
        method="post"
        encType="multipart/form-data"
        className="grid gap-3 md:grid-cols-3 md:items-end"
      >
        <div>
          <label htmlFor={fileId} className="label">
            {t(`${D}.images.file`)}
          </label>
          <input
            id={fileId}
            name="image"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            className="input"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${fileId}-error` : undefined}
          />
          {fileError ? (
            <p id={`${fileId}-error`} className="field-error">
              {t(fileError, upload?.params)}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor={captionId} className="label">
            {t(`${D}.images.caption`)}
          </label>
          <input
            id={captionId}
            name="caption"
            className="input"
            maxLength={300}
            defaultValue={upload?.values?.caption ?? ""}
            aria-invalid={captionError ? true : undefined}
          />
          {captionError ? <p className="field-error">{t(captionError)}</p> : null}
        </div>
        <div>
          <SubmitButton name="intent" value="addImage">
            {t(`${D}.images.upload`)}
          </SubmitButton>
        </div>
      </Form>
      {images.length === 0 ? (
        <p className="text-sm text-slate-600">{t(`${D}.images.none`)}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="document-images">
          {images.map((image) => (
            <li key={image.id} className="space-y-2 rounded border border-slate-200 p-3">
              <img
                src={`/admin/documents/${documentId}/images/${image.id}`}
                alt={image.caption}
                className="mx-auto max-h-40"
                loading="lazy"
              />
              <p className="text-xs text-slate-600">
                {t(`${D}.images.insert`)}:{" "}
                <code className="select-all break-all rounded bg-slate-100 px-1" data-testid="image-markdown">
                  {`![${image.caption.replace(/[[\]]/g, "")}](image:${image.id})`}
                </code>
              </p>
              <Form method="post" className="flex flex-wrap items-end gap-2">
                <input type="hidden" name="imageId" value={image.id} />
                <label className="sr-only" htmlFor={`caption-${image.id}`}>
                  {t(`${D}.images.caption`)}
                </label>
                <input
                  id={`caption-${image.id}`}
                  name="caption"
                  defaultValue={image.caption}
                  maxLength={300}
                  className="input w-full"
                />
                <SubmitButton
                  name="intent"
                  value="caption"
                  className="btn-secondary"
                  busyWhen={{ imageId: String(image.id) }}
                >
                  {t(`${D}.images.saveCaption`)}
                </SubmitButton>
                <SubmitButton
                  name="intent"
                  value="deleteImage"
                  className="btn-danger"
                  busyWhen={{ imageId: String(image.id) }}
                >
                  {t(`${D}.images.delete`)}
                </SubmitButton>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
