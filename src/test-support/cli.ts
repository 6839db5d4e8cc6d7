import { spawn } from "node:child_process";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { runCli } from "../cli/program.js";

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

const main = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));

/** Runs the built `sitrep` binary as a user would, feeding `stdin` when given. */
export function runSitrep(args: readonly string[], options: { stdin?: string | Uint8Array; env?: Record<string, string> } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [main, ...args], {
      cwd: fileURLToPath(new URL("../../", import.meta.url)),
      env: { ...process.env, NO_COLOR: "1", ...options.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
    if (options.stdin !== undefined) child.stdin.end(options.stdin);
    else child.stdin.end();
  });
}

/** Runs the `sitrep` command in this process (no build needed), with empty standard input. */
export async function runSitrepInProcess(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
  const status = await runCli(["node", "sitrep", ...args], { stdin: new PassThrough(), stdout, stderr });
  return { status, stdout: out, stderr: err };
}
