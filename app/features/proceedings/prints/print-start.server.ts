/**
 * Starting a whole-conference print as a background job. One job of a kind per conference at a
 * time: a second start is refused with the running job's id. startJob audits the start itself
 * ("job.start", with the kind: read as "… started the name plates").
 */
import { startJob, type Job } from "~/platform/jobs/jobs.server";
import type { Db, Result } from "~/platform/types";
import { NAME_PLATES_JOB, PARTICIPANT_LIST_JOB, SIGN_IN_SHEETS_JOB } from "../rules";

export const PRINT_KINDS = {
  participants: PARTICIPANT_LIST_JOB,
  namePlates: NAME_PLATES_JOB,
  signInSheets: SIGN_IN_SHEETS_JOB,
} as const;
export type PrintKind = keyof typeof PRINT_KINDS;

export async function startPrintJob(
  db: Db,
  kind: PrintKind,
  conferenceId: number,
  input: Record<string, unknown>,
  actor: { id: string; ip: string | null },
): Promise<Result<{ job: Job }>> {
  return startJob(db, { kind: PRINT_KINDS[kind], conferenceId, input, actor });
}
