/**
 * XML assertions with a real, conformant XML parser (jsdom's XML mode, which is saxes): `parseXml`
 * fails on any well-formedness error, including characters XML 1.0 forbids; `elements(doc, ns, name)`
 * lists elements by namespace and local name.
 */
import { JSDOM } from "jsdom";

export const ATOM = "http://www.w3.org/2005/Atom";
export const SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
export const NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

export function parseXml(text: string): Document {
  return new JSDOM(text, { contentType: "application/xml" }).window.document;
}

/** Descendant elements of `node` in namespace `ns` named `name`. */
export function elements(node: Document | Element, ns: string, name: string): Element[] {
  return Array.from(node.getElementsByTagNameNS(ns, name));
}

/** Direct children of `node` in namespace `ns` named `name`. */
export function children(node: Element, ns: string, name: string): Element[] {
  return Array.from(node.children).filter((child) => child.namespaceURI === ns && child.localName === name);
}

/** Text of the one direct child named `name`. */
export function childText(node: Element, ns: string, name: string): string {
  const found = children(node, ns, name);
  if (found.length !== 1)
    throw new Error(`expected one <${name}> in <${node.localName}>, found ${found.length}`);
  return found[0]!.textContent ?? "";
}
