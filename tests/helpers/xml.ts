/**
 * XML assertions with a real parser (@xmldom/xmldom): `parseXml` fails on any well-formedness error,
 * `elements(doc, ns, "entry")` lists elements by namespace and local name.
 */
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";

export const ATOM = "http://www.w3.org/2005/Atom";
export const SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
export const NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

export function parseXml(text: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(text, "application/xml");
}

/** Descendant elements of `node` in namespace `ns` named `name`. */
export function elements(node: Document | Element, ns: string, name: string): Element[] {
  return Array.from(node.getElementsByTagNameNS(ns, name));
}

/** Direct children of `node` in namespace `ns` named `name`. */
export function children(node: Element, ns: string, name: string): Element[] {
  return Array.from(node.childNodes).filter(
    (child): child is Element =>
      child.nodeType === 1 && (child as Element).namespaceURI === ns && (child as Element).localName === name,
  );
}

/** Text of the one direct child named `name`. */
export function childText(node: Element, ns: string, name: string): string {
  const found = children(node, ns, name);
  if (found.length !== 1)
    throw new Error(`expected one <${name}> in <${node.localName}>, found ${found.length}`);
  return found[0]!.textContent ?? "";
}
