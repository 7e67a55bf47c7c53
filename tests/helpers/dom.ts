/** Small DOM helpers for assertions on built pages. */

/** The text of a node with all whitespace removed: how the acceptance test compares text. */
export function compactText(node: Node | null | undefined): string {
  return (node?.textContent ?? "").replace(/\s+/g, "");
}

/** Every element matching `selector`, as an array. */
export function all(doc: Document | Element, selector: string): Element[] {
  return [...doc.querySelectorAll(selector)];
}
