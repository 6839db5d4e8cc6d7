import { Command, Option } from "commander";
import type { CorpusEvent } from "../corpus/types.js";
import { formatTable } from "../report/table.js";
import { nonNegativeInteger, positiveInteger } from "./arguments.js";
import { clusterFilter, withEventFilters, type EventFilterFlags } from "./event-filters.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { write, type Io } from "./io.js";
import { openStore } from "./open-store.js";

interface EventsFlags extends EventFilterFlags {
  db?: string;
  limit: number;
  offset: number;
  format?: "text" | "json" | "jsonl";
}

export function createEventsCommand(io: Io, setExitCode: (code: ExitCode) => void): Command {
  const command = new Command("events")
    .description("list the corpus' events (each merged across the reports of it), latest first, with the filters given")
    .option("--limit <n>", "events to list", positiveInteger, 50)
    .option("--offset <n>", "events to skip first", nonNegativeInteger, 0)
    .addOption(new Option("-f, --format <format>", "output format (default: text on a terminal, else jsonl)").choices(["text", "json", "jsonl"]));
  return withEventFilters(command).action(async (flags: EventsFlags) => setExitCode(await runEvents(flags, io)));
}

async function runEvents(flags: EventsFlags, io: Io): Promise<ExitCode> {
  const store = await openStore(flags.db);
  try {
    const events = await store.queryClusters({ ...clusterFilter(flags), limit: flags.limit, offset: flags.offset });
    const format = flags.format ?? (io.stdout.isTTY ? "text" : "jsonl");
    if (format === "json") await write(io.stdout, `${JSON.stringify(events, null, 2)}\n`);
    else if (format === "jsonl") for (const event of events) await write(io.stdout, `${JSON.stringify(event)}\n`);
    else await write(io.stdout, events.length === 0 ? "no events match\n" : `${formatTable(COLUMNS, events.map(eventRow))}\n`);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

const COLUMNS = ["id", "date", "type", "place", "actors", "deaths", "outlets", "flags"] as const;

function eventRow(event: CorpusEvent): Record<(typeof COLUMNS)[number], string> {
  const { summary } = event;
  const actors = (side: typeof summary.actor1) => side.map((actor) => actor.name).join(", ");
  const deaths = summary.fatalities.map((claim) => (claim.low === claim.high ? `${claim.low}` : `${claim.low}-${claim.high}`)).join(" vs ");
  const flags = [
    summary.corroboration.singleSource ? "single-source" : null,
    summary.corroboration.oneSided ? "one-sided" : null,
    summary.fatalitiesDisagree ? "fatalities-disagree" : null,
    summary.modality === "asserted" ? null : summary.modality,
    event.review?.status ?? null,
  ].filter((flag) => flag !== null);
  return {
    id: event.id,
    date: summary.dateValue ?? "",
    type: summary.subEventType ?? summary.scope,
    place: summary.place?.name ?? "",
    actors: [actors(summary.actor1), actors(summary.actor2)].filter((side) => side !== "").join(" vs "),
    deaths,
    outlets: `${summary.corroboration.independentOutlets}/${summary.corroboration.outlets.length}`,
    flags: flags.join(" "),
  };
}
