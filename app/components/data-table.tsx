import { Link } from "@remix-run/react";
import type { ComponentPropsWithoutRef, Key, ReactNode } from "react";

/** One column, declared once: its header labels the <th> and, on phones, each of its cells. */
export interface Column<R> {
  key: string;
  header: string;
  /**
   * The header for screen readers only (a column of buttons or check boxes); its cells
   * carry no label on phones either.
   */
  hideHeader?: boolean;
  /** The column sorts the list: the link that sorts by it, and the direction when it is the current sort. */
  sort?: { href: string; direction?: "ascending" | "descending" };
  cell: (row: R) => ReactNode;
  /** The cells' classes (a function where they depend on the row). */
  className?: string | ((row: R) => string | undefined);
  headerClassName?: string;
  /** The cell names the row: a <th scope="row">, with no label on phones. */
  rowHeader?: boolean;
}

type RowProps = ComponentPropsWithoutRef<"tr"> & { [data: `data-${string}`]: string | undefined };

export interface RowGroup<R> {
  key: Key;
  /** A header row across the table (scope="colgroup") above the group's rows. */
  title: ReactNode;
  rows: R[];
}

interface DataTableProps<R> {
  /** Columns left out where the viewer may not see them: pass false or null. */
  columns: Array<Column<R> | false | null | undefined>;
  rowKey: (row: R) => Key;
  /** The rows, or the rows in groups (one <tbody> each). */
  rows?: R[];
  groups?: RowGroup<R>[];
  rowProps?: (row: R) => RowProps;
  /** Shown instead of the table when there is no row. */
  empty?: ReactNode;
  /** The table's name for screen readers (a visible heading usually says it already). */
  caption?: string;
  /** Inside a card that scrolls sideways (the default), or bare where the page frames it. */
  framed?: boolean;
  className?: string;
  testId?: string;
}

/**
 * The app's list table: `table table-stack`, so that on phones each row becomes a card
 * and each cell shows its column's name (data-label) beside its value.
 */
export function DataTable<R>({
  columns,
  rowKey,
  rows,
  groups,
  rowProps,
  empty,
  caption,
  framed = true,
  className,
  testId,
}: DataTableProps<R>) {
  const shown = columns.filter((c): c is Column<R> => Boolean(c));
  const bodies = groups ?? [{ key: "rows", title: null, rows: rows ?? [] }];
  if (empty !== undefined && bodies.every((g) => g.rows.length === 0)) return <>{empty}</>;
  const renderRow = (row: R) => (
    <tr key={rowKey(row)} {...rowProps?.(row)}>
      {shown.map((c) => {
        const cellClass = typeof c.className === "function" ? c.className(row) : c.className;
        return c.rowHeader ? (
          <th key={c.key} scope="row" className={cellClass}>
            {c.cell(row)}
          </th>
        ) : (
          <td key={c.key} data-label={c.hideHeader ? undefined : c.header} className={cellClass}>
            {c.cell(row)}
          </td>
        );
      })}
    </tr>
  );
  const table = (
    <table className={`table table-stack${className ? ` ${className}` : ""}`} data-testid={testId}>
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      <thead>
        <tr>
          {shown.map((c) => (
            <th key={c.key} scope="col" className={c.headerClassName} aria-sort={c.sort?.direction}>
              <HeaderLabel column={c} />
            </th>
          ))}
        </tr>
      </thead>
      {groups ? (
        bodies.map((g) => (
          <tbody key={g.key}>
            <tr>
              <th
                colSpan={shown.length}
                scope="colgroup"
                className="!bg-navy-50 text-xs uppercase tracking-wide !text-navy-800 max-sm:block"
              >
                {g.title}
              </th>
            </tr>
            {g.rows.map(renderRow)}
          </tbody>
        ))
      ) : (
        <tbody>{bodies[0].rows.map(renderRow)}</tbody>
      )}
    </table>
  );
  return framed ? <div className="card overflow-x-auto p-0">{table}</div> : table;
}

function HeaderLabel<R>({ column }: { column: Column<R> }) {
  if (column.hideHeader) return <span className="sr-only">{column.header}</span>;
  if (!column.sort) return <>{column.header}</>;
  const { href, direction } = column.sort;
  return (
    <Link to={href} className="hover:underline" preventScrollReset>
      {column.header} {direction ? (direction === "descending" ? "↓" : "↑") : ""}
    </Link>
  );
}
