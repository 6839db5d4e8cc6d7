import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

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
