/**
 * Headers every response carries, API and web app alike. The policy allows
 * only the server's own scripts, styles and connections: an event report is
 * untrusted text, and if a rendering bug ever let it into the page as markup
 * the browser would still run nothing from it. MapLibre draws its map in web
 * workers it creates from blob: URLs and its tiles as blob: or data: images.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  // Addresses of events and documents say what an analyst is looking at: they are not sent on to anyone.
  "referrer-policy": "no-referrer",
  // Other sites may neither load the corpus' responses into their pages nor keep a handle on the app's window.
  "cross-origin-resource-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
};
