import { Command, InvalidArgumentError, Option } from "commander";
import { CORRECTABLE_FIELDS } from "../corpus/review.js";
import type { ReviewAction } from "../corpus/types.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { write, type Io } from "./io.js";
import { openStore } from "./open-store.js";
import { UsageError } from "./usage-error.js";

interface ReviewFlags {
  db?: string;
  confirm: boolean;
  reject: boolean;
  set: Record<string, unknown>;
  reviewer: string;
  comment?: string;
}

export function createReviewCommand(io: Io, setExitCode: (code: ExitCode) => void): Command {
  return new Command("review")
    .description("confirm, correct or reject an event; decisions are kept with who, when and what changed, and corrected values win in exports")
    .argument("<event>", "the event's id, as `sitrep events` lists it")
    .option("--db <path|url>", "the corpus: a SQLite file or a postgres:// URL (default: corpus.sqlite in SITREP_HOME)")
    .option("--confirm", "confirm the event as coded", false)
    .option("--reject", "reject the event (it leaves listings and exports)", false)
    .option("--set <field=json>", `correct a field, its new value as JSON (fields: ${CORRECTABLE_FIELDS.join(", ")}); repeatable`, collectChange, {})
    .addOption(new Option("--reviewer <name>", "who decides").env("SITREP_REVIEWER").makeOptionMandatory())
    .option("--comment <text>", "why")
    .action(async (event: string, flags: ReviewFlags) => setExitCode(await runReview(event, flags, io)));
}

function collectChange(value: string, changes: Record<string, unknown>): Record<string, unknown> {
  const equals = value.indexOf("=");
  if (equals <= 0) throw new InvalidArgumentError('expected field=value, e.g. subEventType="Armed clash"');
  const field = value.slice(0, equals);
  const raw = value.slice(equals + 1);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    // A bare word is a string: --set modality=negated reads as the user means it.
    parsed = raw;
  }
  return { ...changes, [field]: parsed };
}

async function runReview(event: string, flags: ReviewFlags, io: Io): Promise<ExitCode> {
  const corrections = Object.keys(flags.set).length > 0;
  const chosen = [flags.confirm, flags.reject, corrections].filter(Boolean).length;
  if (chosen !== 1) throw new UsageError("give exactly one of --confirm, --reject or --set field=value");
  const action: ReviewAction = flags.confirm ? "confirm" : flags.reject ? "reject" : "correct";
  const store = await openStore(flags.db);
  try {
    const decision = await store.review({ clusterId: event, action, reviewer: flags.reviewer, changes: flags.set, comment: flags.comment ?? null });
    await write(io.stdout, `${JSON.stringify(decision)}\n`);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
