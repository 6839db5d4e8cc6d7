/**
 * Byte counts in messages that people read: "16.0 MB" says more than
 * "16777216 bytes" to someone deciding whether to raise a limit.
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return bytes === 1 ? "1 byte" : `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
