/**
 * Exit statuses follow BSD sysexits(3), so scripts can tell a bad input from a
 * network failure from a bug without parsing messages.
 */
import type { InputErrorCode } from "../model/errors.js";

export const EXIT = {
  ok: 0,
  usage: 64,
  /** Bad input data, an undetermined or unsupported language, or a batch with failed records. */
  data: 65,
  noInput: 66,
  unavailable: 69,
  software: 70,
  tempFail: 75,
  noPermission: 77,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function exitCodeFor(code: InputErrorCode): ExitCode {
  switch (code) {
    case "input-not-found":
    case "input-unreadable":
      return EXIT.noInput;
    case "url-refused":
      return EXIT.noPermission;
    case "url-timeout":
      return EXIT.tempFail;
    case "url-unreachable":
    case "url-status":
      return EXIT.unavailable;
    case "input-empty":
    case "input-binary":
    case "input-too-large":
    case "input-encoding":
    case "input-format":
    case "html-no-article":
    case "jsonl-invalid-line":
    case "csv-invalid-row":
    case "feed-invalid":
    case "url-invalid":
    case "url-too-large":
    case "url-redirects":
    case "gazetteer-format":
    case "review-invalid":
      return EXIT.data;
    case "not-found":
      return EXIT.noInput;
    case "store-unavailable":
      return EXIT.unavailable;
  }
}
