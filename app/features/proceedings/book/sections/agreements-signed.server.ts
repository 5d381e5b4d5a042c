import type { Db } from "~/platform/types";
import { signedAgreements } from "../../agreements/figures.server";
import type { SignedAgreementRow } from "./agreements-signed";

/** The agreements signed or later (signed, reported, in force, ended), from the registry's own query. */
export async function loadAgreementsSignedData(db: Db, conferenceId: number): Promise<SignedAgreementRow[]> {
  return signedAgreements(db, conferenceId);
}
