import { parse, type DefaultTreeAdapterTypes } from 'parse5';

/**
 * Small helpers over a parse5 tree for the HTML tests: the document as a browser would parse
 * it, its elements, and their text. Tests only.
 */

export type HtmlNode = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;
export type HtmlElement = DefaultTreeAdapterTypes.Element;

/** Parses a whole document as an HTML5 parser does. */
export function parseHtml(html: string): DefaultTreeAdapterTypes.Document {
  return parse(html);
}

/** Every node under `node`, in document order. */
export function descendants(node: HtmlNode): DefaultTreeAdapterTypes.ChildNode[] {
  const children = 'childNodes' in node ? node.childNodes : [];
  return children.flatMap((child) => [child, ...descendants(child)]);
}

/** Every element under `node`, in document order. */
export function elementsOf(node: HtmlNode): HtmlElement[] {
  return descendants(node).filter((child): child is HtmlElement => 'tagName' in child);
}

/** The elements of one tag name under `node`. */
export function byTag(node: HtmlNode, tag: string): HtmlElement[] {
  return elementsOf(node).filter((element) => element.tagName === tag);
}

/** The concatenated text of a node, as `textContent` reads it. */
export function textOf(node: HtmlNode): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

/** The value of an attribute, or undefined. */
export function attributeOf(element: HtmlElement, name: string): string | undefined {
  return element.attrs.find((attribute) => attribute.name === name)?.value;
}
