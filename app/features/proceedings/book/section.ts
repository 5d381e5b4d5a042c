/**
 * The contract between the book (book/book-document.ts puts it together) and each of its sections
 * (book/sections/*, prints/participants): a section is pure pdfmake content built from its data,
 * with a title for the contents, the bookmarks and the running header. Loaders (*.server.ts) gather
 * a section's data; builders (*.ts) never touch the database.
 */
import type { Content } from "pdfmake/interfaces";
import type { Locale } from "~/platform/i18n";
import type { ProceedingsSection } from "../rules";

/** What every section builder is given. */
export interface SectionContext {
  locale: Locale;
  /** The conference's time zone (Asia/Ho_Chi_Minh): every time in the book is shown in it. */
  timeZone: string;
  /** Translates a proceedings key (or any key below it) in the book's language. */
  t: (key: string, params?: Record<string, string | number>) => string;
  /** The width of the text block in points (A4 less the margins). */
  contentWidth: number;
}

/** A section of the book, ready to be placed. */
export interface BookSection {
  id: ProceedingsSection;
  /** Shown in the contents, the PDF bookmarks and the running header. */
  title: string;
  /**
   * The section's body after its heading (the book adds the heading, the page break, the toc item
   * and the bookmark). Sub-headings (a speech, an organisation group) that should appear in the
   * contents or the bookmarks are `{ text, style: "subheading", tocItem: true, outline: true, ... }` nodes.
   */
  content: Content[];
}

/** Where something could not be rendered (an image from another site, a table too wide, a glyph outside the font). */
export const UNRENDERABLE_STYLE = "unrenderable";
