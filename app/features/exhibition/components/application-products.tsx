import { Form } from "@remix-run/react";
import { useState } from "react";
import { SelectField, TextAreaField, TextField, useZodForm, type ActionFeedback } from "~/components/form";
import { useBilingual, useT } from "~/components/i18n";
import { SubmitButton } from "~/components/submit-button";
import { Notice } from "~/components/ui";
import { productSchema } from "../applications/schema";
import { PRODUCT_CATEGORIES, type ProductCategory } from "../rules";
import { PhotoInput } from "./application-photo-input";

export interface ProductView {
  id: number;
  name_vi: string;
  name_en: string;
  category: ProductCategory;
  description_vi: string;
  description_en: string;
}
export interface PhotoView {
  id: number;
  product_id: number | null;
  caption: string;
  width: number;
  height: number;
}

/** The action's answer to one of these forms: which form (intent, product) it belongs to. */
export type ProductFeedback = ActionFeedback & {
  intent?: string;
  productId?: number | null;
  params?: Record<string, string | number>;
};

const A = "exhibition.applications";

/** The products with their photos: add, edit, delete, each photo form refusing a bad file beside its field. */
export function ApplicationProducts({
  products,
  photos,
  feedback,
  readOnly,
  maxBytes,
  maxPhotos,
}: {
  products: ProductView[];
  photos: PhotoView[];
  feedback: ProductFeedback | null;
  readOnly: boolean;
  maxBytes: number;
  maxPhotos: number;
}) {
  const t = useT();
  const full = photos.length >= maxPhotos;
  const mine = (intent: string, productId: number | null) =>
    feedback && feedback.intent === intent && (feedback.productId ?? null) === productId ? feedback : null;
  const general = photos.filter((p) => p.product_id === null);
  return (
    <section className="card space-y-4" aria-labelledby="application-products" data-testid="application-products">
      <h2 id="application-products">{t(`${A}.section.products`)}</h2>
      <p className="text-sm text-slate-600">{t(`${A}.photoCount`, { count: photos.length, max: maxPhotos })}</p>
      {products.length === 0 ? <p className="text-sm text-slate-700">{t(`${A}.noProducts`)}</p> : null}
      <ul className="space-y-4">
        {products.map((p) => (
          <ProductCard
            key={p.id}
            product={p}
            photos={photos.filter((ph) => ph.product_id === p.id)}
            readOnly={readOnly}
            full={full}
            maxBytes={maxBytes}
            editFeedback={mine("update-product", p.id)}
            photoFeedback={mine("add-photo", p.id)}
          />
        ))}
      </ul>
      {general.length ? <PhotoGrid photos={general} readOnly={readOnly} /> : null}
      {readOnly ? null : (
        <details
          className="rounded border border-slate-200 p-3"
          open={products.length === 0 || !!mine("add-product", null)}
        >
          <summary className="cursor-pointer font-semibold">{t(`${A}.addProduct`)}</summary>
          <ProductForm
            // A fresh, empty form once a product has been added.
            key={products.length}
            intent="add-product"
            defaults={{ category: PRODUCT_CATEGORIES[0] }}
            feedback={mine("add-product", null)}
            withPhoto={!full}
            maxBytes={maxBytes}
          />
        </details>
      )}
    </section>
  );
}

function ProductCard({
  product,
  photos,
  readOnly,
  full,
  maxBytes,
  editFeedback,
  photoFeedback,
}: {
  product: ProductView;
  photos: PhotoView[];
  readOnly: boolean;
  full: boolean;
  maxBytes: number;
  editFeedback: ProductFeedback | null;
  photoFeedback: ProductFeedback | null;
}) {
  const t = useT();
  const bi = useBilingual();
  return (
    <li className="rounded border border-slate-200 p-3" data-testid="product" data-product={product.id}>
      <h3 className="text-base font-semibold">{bi(product.name_vi, product.name_en)}</h3>
      <p className="text-sm text-slate-600">{t(`exhibition.category.${product.category}`)}</p>
      {product.description_vi || product.description_en ? (
        <p className="mt-1 whitespace-pre-line text-sm">{bi(product.description_vi, product.description_en)}</p>
      ) : null}
      <PhotoGrid photos={photos} readOnly={readOnly} />
      {readOnly ? null : (
        <div className="mt-3 space-y-3">
          {full ? null : (
            <AddPhotoForm key={photos.length} productId={product.id} feedback={photoFeedback} maxBytes={maxBytes} />
          )}
          <details open={!!editFeedback}>
            <summary className="cursor-pointer text-sm font-semibold text-navy-700">{t(`${A}.editProduct`)}</summary>
            <ProductForm
              intent="update-product"
              productId={product.id}
              defaults={{
                nameVi: product.name_vi,
                nameEn: product.name_en,
                category: product.category,
                descriptionVi: product.description_vi,
                descriptionEn: product.description_en,
              }}
              feedback={editFeedback}
              withPhoto={false}
              maxBytes={maxBytes}
            />
          </details>
          <Form method="post">
            <input type="hidden" name="productId" value={product.id} />
            <SubmitButton name="intent" value="delete-product" className="btn-link text-accent-700">
              {t(`${A}.deleteProduct`, { name: bi(product.name_vi, product.name_en) })}
            </SubmitButton>
          </Form>
        </div>
      )}
    </li>
  );
}

function PhotoGrid({ photos, readOnly }: { photos: PhotoView[]; readOnly: boolean }) {
  const t = useT();
  if (photos.length === 0) return null;
  return (
    <ul className="mt-2 flex flex-wrap gap-3">
      {photos.map((ph) => (
        <li key={ph.id} className="w-36" data-testid="photo">
          <img
            src={`/exhibition/photos/${ph.id}`}
            alt={ph.caption || t(`${A}.photoAlt`)}
            width={ph.width}
            height={ph.height}
            loading="lazy"
            className="h-28 w-36 rounded border border-slate-200 object-cover"
          />
          {ph.caption ? <p className="mt-1 truncate text-xs text-slate-600">{ph.caption}</p> : null}
          {readOnly ? null : (
            <Form method="post">
              <input type="hidden" name="photoId" value={ph.id} />
              <SubmitButton name="intent" value="delete-photo" className="btn-link text-xs text-accent-700">
                {t(`${A}.deletePhoto`)}
              </SubmitButton>
            </Form>
          )}
        </li>
      ))}
    </ul>
  );
}

function AddPhotoForm({
  productId,
  feedback,
  maxBytes,
}: {
  productId: number;
  feedback: ProductFeedback | null;
  maxBytes: number;
}) {
  const t = useT();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => problem && e.preventDefault()}
    >
      <input type="hidden" name="productId" value={productId} />
      <div className="min-w-[14rem] flex-1">
        <PhotoInput
          label={t(`${A}.field.photo`)}
          maxBytes={maxBytes}
          serverError={feedback?.errors?.photo}
          required
          onProblem={setProblem}
        />
      </div>
      <div className="min-w-[12rem] flex-1">
        <label className="label" htmlFor={`caption-${productId}`}>
          {t(`${A}.field.caption`)}
        </label>
        <input
          id={`caption-${productId}`}
          name="caption"
          className="input"
          defaultValue={feedback?.values?.caption ?? ""}
        />
      </div>
      <SubmitButton name="intent" value="add-photo" className="btn-secondary">
        {t(`${A}.addPhoto`)}
      </SubmitButton>
    </Form>
  );
}

/** A product's fields (and, when adding, its first photo): nothing typed is lost when the photo is refused. */
function ProductForm({
  intent,
  productId,
  defaults,
  feedback,
  withPhoto,
  maxBytes,
}: {
  intent: "add-product" | "update-product";
  productId?: number;
  defaults: Record<string, string>;
  feedback: ProductFeedback | null;
  withPhoto: boolean;
  maxBytes: number;
}) {
  const t = useT();
  const state = useZodForm(productSchema, { defaultValues: defaults, feedback });
  const [problem, setProblem] = useState<string | null>(null);
  const categories = PRODUCT_CATEGORIES.map((c) => ({ value: c, label: t(`exhibition.category.${c}`) }));
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      noValidate
      className="mt-3 space-y-4"
      data-testid={`${intent}-form`}
      onSubmit={(e) => {
        if (problem) {
          e.preventDefault();
          return;
        }
        state.onSubmit(e);
      }}
    >
      {state.formError ? <Notice tone="error">{t(state.formError, feedback?.params)}</Notice> : null}
      {productId ? <input type="hidden" name="productId" value={productId} /> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <TextField state={state} name="nameVi" label={t(`${A}.field.productVi`)} required />
        <TextField state={state} name="nameEn" label={t(`${A}.field.productEn`)} />
        <SelectField state={state} name="category" label={t(`${A}.field.category`)} required options={categories} />
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <TextAreaField state={state} name="descriptionVi" label={t(`${A}.field.descriptionVi`)} />
        <TextAreaField state={state} name="descriptionEn" label={t(`${A}.field.descriptionEn`)} />
      </div>
      {withPhoto ? (
        <div className="grid gap-4 md:grid-cols-2">
          <PhotoInput
            label={t(`${A}.field.photo`)}
            maxBytes={maxBytes}
            serverError={feedback?.errors?.photo}
            onProblem={setProblem}
          />
          <TextField state={state} name="caption" label={t(`${A}.field.caption`)} />
        </div>
      ) : null}
      <SubmitButton name="intent" value={intent} busyLabel={t(`${A}.saving`)}>
        {t(intent === "add-product" ? `${A}.addProductSubmit` : `${A}.saveProduct`)}
      </SubmitButton>
    </Form>
  );
}

export type { ActionFeedback };
