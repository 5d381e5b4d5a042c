/**
 * Each section of the book: how its data is loaded and how it is built. The book's own sections
 * (programme, speeches, summaries) are book/sections/{programme,speeches}; the data sections come
 * from book/sections/{figures,meetings,catalogue,agreements-signed} and prints/participants*.
 */
import type { Db } from "~/platform/types";
import type { DocumentLanguage, ProceedingsSection } from "../rules";
import { buildParticipantsSection } from "../prints/participants-pdf";
import { loadParticipants } from "../prints/participants.server";
import { loadProgramme, loadSpeeches, loadSummaries } from "./book-data.server";
import type { BookSection, SectionContext } from "./section";
import { buildAgreementsSignedSection } from "./sections/agreements-signed";
import { loadAgreementsSignedData } from "./sections/agreements-signed.server";
import { buildCatalogueSection } from "./sections/catalogue";
import { loadCatalogueData } from "./sections/catalogue.server";
import { buildFiguresSection } from "./sections/figures";
import { loadFiguresData } from "./sections/figures.server";
import { buildMeetingsSection } from "./sections/meetings";
import { loadMeetingsData } from "./sections/meetings.server";
import { buildProgrammeSection } from "./sections/programme";
import { buildSpeechesSection, buildSummariesSection } from "./sections/speeches";

export type SectionMaker = (
  db: Db,
  conferenceId: number,
  ctx: SectionContext,
  language: DocumentLanguage,
) => Promise<BookSection>;

/** The sections drawn by the assembler itself (no data to load). */
export const ASSEMBLED: ReadonlySet<ProceedingsSection> = new Set(["cover", "foreword", "contents"]);

export const SECTION_MAKERS: Partial<Record<ProceedingsSection, SectionMaker>> = {
  programme: async (db, conferenceId, ctx) => buildProgrammeSection(await loadProgramme(db, conferenceId), ctx),
  speeches: async (db, conferenceId, ctx, language) =>
    buildSpeechesSection(await loadSpeeches(db, conferenceId, language), ctx),
  summaries: async (db, conferenceId, ctx, language) =>
    buildSummariesSection(await loadSummaries(db, conferenceId, language), ctx),
  figures: async (db, conferenceId, ctx) => buildFiguresSection(await loadFiguresData(db, conferenceId), ctx),
  participants: async (db, conferenceId, ctx) => {
    const data = await loadParticipants(db, conferenceId);
    if (!data) throw new Error("proceedings.errors.notFound");
    return buildParticipantsSection(data, ctx);
  },
  meetings: async (db, conferenceId, ctx) => buildMeetingsSection(await loadMeetingsData(db, conferenceId), ctx),
  catalogue: async (db, conferenceId, ctx) => buildCatalogueSection(await loadCatalogueData(db, conferenceId), ctx),
  agreements: async (db, conferenceId, ctx) =>
    buildAgreementsSignedSection(await loadAgreementsSignedData(db, conferenceId), ctx),
};
