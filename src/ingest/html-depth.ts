/**
 * Readability's running time grows with the square of nesting depth: a page
 * of 2,000 nested <div>s takes it minutes. Hostile pages are refused before
 * that, at the depth where Chromium's parser stops nesting elements
 * (kMaximumHTMLParserDOMTreeDepth): no reader in a browser saw a deeper tree.
 */
export const MAX_HTML_DEPTH = 512;

/** Whether any node lies more than `limit` levels below `root`; stops looking as soon as one does. */
export function nestsDeeperThan(root: Node, limit: number): boolean {
  let node: Node | null = root;
  let depth = 0;
  while (node !== null) {
    if (node.firstChild !== null) {
      node = node.firstChild;
      depth += 1;
      if (depth > limit) return true;
      continue;
    }
    while (node !== root && node.nextSibling === null && node.parentNode !== null) {
      node = node.parentNode;
      depth -= 1;
    }
    node = node === root ? null : node.nextSibling;
  }
  return false;
}
