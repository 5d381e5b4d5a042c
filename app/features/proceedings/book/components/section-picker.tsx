import { useState } from "react";
import { useT } from "~/components/i18n";
import type { ProceedingsSection } from "../../rules";

/**
 * The book's sections as an ordered list of checkboxes with up and down buttons. Without
 * JavaScript each button is a submit (intent move:up:<section>), which saves the new order; with
 * it, the list reorders at once and Save keeps it. The hidden `order` fields carry the order.
 */
export function SectionPicker({
  order: initialOrder,
  ticked: initialTicked,
  error,
}: {
  order: readonly ProceedingsSection[];
  ticked: readonly string[];
  error: string | null;
}) {
  const t = useT();
  const [order, setOrder] = useState<ProceedingsSection[]>([...initialOrder]);
  const [ticked, setTicked] = useState<Set<string>>(new Set(initialTicked));
  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    if (to < 0 || to >= order.length) return;
    const next = [...order];
    [next[index], next[to]] = [next[to], next[index]];
    setOrder(next);
  };
  return (
    <fieldset className="card min-w-0 space-y-3" aria-describedby={error ? "sections-error" : undefined}>
      <legend className="text-lg font-semibold text-navy-900">{t("proceedings.book.page.sections")}</legend>
      <p className="text-sm text-slate-600">{t("proceedings.book.page.sectionsHint")}</p>
      {error ? (
        <p id="sections-error" className="field-error">
          {t(error)}
        </p>
      ) : null}
      <ol className="divide-y divide-slate-200" data-testid="book-sections">
        {order.map((id, index) => {
          const name = t(`proceedings.section.${id}`);
          return (
            <li key={id} className="flex items-center gap-3 py-2" data-section={id}>
              <input type="hidden" name="order" value={id} />
              <span className="w-6 text-right tabular-nums text-slate-500">{index + 1}.</span>
              <label className="flex min-w-0 flex-1 items-center gap-2">
                <input
                  type="checkbox"
                  name="sections"
                  value={id}
                  checked={ticked.has(id)}
                  aria-label={t("proceedings.book.page.include", { section: name })}
                  onChange={(e) => {
                    const next = new Set(ticked);
                    if (e.target.checked) next.add(id);
                    else next.delete(id);
                    setTicked(next);
                  }}
                  className="h-5 w-5"
                />
                <span className="min-w-0 break-words">{name}</span>
              </label>
              <button
                type="submit"
                name="intent"
                value={`move:up:${id}`}
                className="btn-secondary px-3 py-2"
                disabled={index === 0}
                aria-label={t("proceedings.book.page.moveUp", { section: name })}
                onClick={(e) => {
                  e.preventDefault();
                  move(index, -1);
                }}
              >
                <span aria-hidden="true">↑</span>
              </button>
              <button
                type="submit"
                name="intent"
                value={`move:down:${id}`}
                className="btn-secondary px-3 py-2"
                disabled={index === order.length - 1}
                aria-label={t("proceedings.book.page.moveDown", { section: name })}
                onClick={(e) => {
                  e.preventDefault();
                  move(index, 1);
                }}
              >
                <span aria-hidden="true">↓</span>
              </button>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}
