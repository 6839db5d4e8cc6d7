import { Command, CommanderError } from "commander";
import { isSitrepError } from "../model/errors.js";
import { VERSION } from "../version.js";
import { createAnalyzeCommand } from "./analyze-command.js";
import { createBenchCommand } from "./bench-command.js";
import { createEvalCommand } from "./eval-command.js";
import { createEventsCommand } from "./events-command.js";
import { createExportCommand } from "./export-command.js";
import { createGazetteerCommand } from "./gazetteer-command.js";
import { createIngestCommand } from "./ingest-command.js";
import { EXIT, exitCodeFor, type ExitCode } from "./exit-codes.js";
import { fail, type Io } from "./io.js";
import { createReviewCommand } from "./review-command.js";
import { createServeCommand } from "./serve-command.js";
import { UsageError } from "./usage-error.js";
import { createWatchCommand } from "./watch-command.js";
import { createWorkerCommand } from "./worker-command.js";

/** Runs one command line and returns the exit status; the single place errors become statuses. */
export async function runCli(argv: readonly string[], io: Io): Promise<ExitCode> {
  let status: ExitCode = EXIT.ok;
  const setExitCode = (code: ExitCode): void => {
    status = code;
  };
  const program = new Command("sitrep")
    .description("Conflict news reports in, sourced and geolocated event data out.")
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError("(run with --help for usage)");
  const commands = [createAnalyzeCommand, createIngestCommand, createWatchCommand, createWorkerCommand, createEventsCommand, createExportCommand, createReviewCommand, createServeCommand, createEvalCommand, createBenchCommand, createGazetteerCommand];
  for (const command of commands.map((create) => create(io, setExitCode))) {
    // addCommand does not pass settings down; errors must reach the handler below, not exit the process.
    program.addCommand(command.copyInheritedSettings(program));
  }

  try {
    await program.parseAsync(argv);
    return status;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      fail(io, error.message);
      return EXIT.usage;
    }
    if (isSitrepError(error)) {
      fail(io, error.message);
      return exitCodeFor(error.code);
    }
    fail(io, `internal error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.software;
  }
}
