import { agreementsEn } from "./agreements/messages.en";
import { bookEn } from "./book/messages.en";
import { documentsEn } from "./documents/messages.en";
import { printsEn } from "./prints/messages.en";
import type { proceedingsVi } from "./messages.vi";

type Key = keyof typeof proceedingsVi;
type CommonKey = Exclude<
  Key,
  keyof typeof documentsEn | keyof typeof agreementsEn | keyof typeof bookEn | keyof typeof printsEn
>;

const commonEn: Record<CommonKey, string> = {
  "proceedings.title": "Proceedings and documents",
  "proceedings.documentKind.speech": "Speech",
  "proceedings.documentKind.report": "Report",
  "proceedings.documentKind.presentation": "Presentation",
  "proceedings.documentKind.summary": "Discussion session summary",
  "proceedings.documentState.draft": "Draft",
  "proceedings.documentState.final": "Final",
  "proceedings.language.vi": "Vietnamese",
  "proceedings.language.en": "English",
  "proceedings.agreementState.drafted": "Being drafted",
  "proceedings.agreementState.sent_for_opinion": "Sent to the Ministry for its opinion",
  "proceedings.agreementState.opinion_received": "The Ministry's opinion received",
  "proceedings.agreementState.signed": "Signed",
  "proceedings.agreementState.reported": "Reported",
  "proceedings.agreementState.in_force": "In force",
  "proceedings.agreementState.ended": "Ended",
  "proceedings.agreementKind.agreement": "Agreement",
  "proceedings.agreementKind.memorandum": "Memorandum of understanding",
  "proceedings.agreementKind.letter_of_intent": "Letter of intent",
  "proceedings.agreementField.economy": "Economy",
  "proceedings.agreementField.trade": "Trade",
  "proceedings.agreementField.investment": "Investment",
  "proceedings.agreementField.agriculture": "Agriculture",
  "proceedings.agreementField.education": "Education and training",
  "proceedings.agreementField.health": "Health",
  "proceedings.agreementField.culture": "Culture",
  "proceedings.agreementField.tourism": "Tourism",
  "proceedings.agreementField.science": "Science and technology",
  "proceedings.agreementField.labour": "Labour",
  "proceedings.agreementField.environment": "Environment",
  "proceedings.agreementField.friendship": "Friendship and comprehensive cooperation",
  "proceedings.agreementField.other": "Other fields",
  "proceedings.section.cover": "Cover",
  "proceedings.section.foreword": "Foreword",
  "proceedings.section.contents": "Contents",
  "proceedings.section.programme": "Programme",
  "proceedings.section.speeches": "Speeches and reports",
  "proceedings.section.summaries": "Summaries of the discussion sessions",
  "proceedings.section.figures": "The conference in figures",
  "proceedings.section.participants": "List of participants",
  "proceedings.section.meetings": "Bilateral meetings",
  "proceedings.section.catalogue": "Exhibition of Vietnamese brand products",
  "proceedings.section.agreements": "International agreements signed",
  "proceedings.errors.notFound": "Not found.",
};

/** The proceedings' messages in English: every key of the Vietnamese, checked by the compiler. */
export const proceedingsEn: Record<Key, string> = {
  ...commonEn,
  ...documentsEn,
  ...agreementsEn,
  ...bookEn,
  ...printsEn,
};
