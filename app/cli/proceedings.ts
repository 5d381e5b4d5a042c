// `npm run proceedings -- --out FILE.pdf [--conference ID] [--language vi|en]`: the proceedings drawn
// in this process by the same renderer as the job, from the database of DATABASE_PATH. Prints one
// JSON line {pages, bytes, seconds}; wrong arguments exit 2 with one line on standard error.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { renderProceedings } from "~/features/proceedings/book/book.server";
import { closeDb, getDb } from "~/platform/db.server";
import { malformed, solverFailed } from "./solver-file";

const USAGE = "usage: npm run proceedings -- --out FILE.pdf [--conference ID] [--language vi|en]";

interface ProceedingsArgs {
  out: string;
  conference?: number;
  language?: "vi" | "en";
}

function readProceedingsArgs(argv: string[]): ProceedingsArgs | string {
  let values: { out?: string; conference?: string; language?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { out: { type: "string" }, conference: { type: "string" }, language: { type: "string" } },
    }));
  } catch (error) {
    return `${USAGE} (${(error as Error).message})`;
  }
  if (!values.out) return USAGE;
  if (values.conference !== undefined && !/^[1-9]\d*$/.test(values.conference))
    return `${USAGE} (--conference must be a conference id)`;
  if (values.language !== undefined && values.language !== "vi" && values.language !== "en")
    return `${USAGE} (--language must be vi or en)`;
  return {
    out: values.out,
    conference: values.conference === undefined ? undefined : Number(values.conference),
    language: values.language as "vi" | "en" | undefined,
  };
}

async function main() {
  const args = readProceedingsArgs(process.argv.slice(2));
  if (typeof args === "string") return malformed(args);
  const db = getDb();
  const conferenceId =
    args.conference ??
    (await db.selectFrom("conferences").select("id").orderBy("starts_at", "desc").executeTakeFirst())?.id;
  if (
    !conferenceId ||
    !(await db.selectFrom("conferences").select("id").where("id", "=", conferenceId).executeTakeFirst())
  )
    return malformed(`no conference ${args.conference ?? ""}`.trim());
  const started = performance.now();
  let pages = 0;
  const result = await renderProceedings(db, conferenceId, { language: args.language }, () => {});
  pages = Number(result.meta?.pages ?? 0);
  try {
    writeFileSync(args.out, result.bytes);
  } catch (error) {
    return malformed(`cannot write ${args.out}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
  const seconds = Math.round((performance.now() - started) / 10) / 100;
  process.stdout.write(`${JSON.stringify({ pages, bytes: result.bytes.byteLength, seconds })}\n`);
  await closeDb();
}

main().catch(solverFailed("proceedings"));
