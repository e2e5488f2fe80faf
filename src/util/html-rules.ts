/**
 * What becomes of HTML written in the Markdown (pasted from e-mail, Word or a web page). The
 * renderer (pipeline/render/markdown.ts) applies these rules, and load finds what they leave
 * out so `check` can say so (pipeline/load/markdown-mdast.ts): both read them from here.
 *
 * The text of every element is kept, unknown ones included; attributes are not (style, class,
 * hidden and event handlers could hide text or run something). Only these elements are dropped
 * with what is in them, because what is in them is not text: scripts, style sheets, frames,
 * embedded objects and templates.
 */
export const HTML_DROPPED = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'noembed',
  'noframes',
  'template',
] as const;

/** Elements without content or end tag (`<embed>`): never «unclosed». */
export const HTML_VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Whether an element of this name is dropped with its content. */
export function isDroppedHtml(tagName: string): boolean {
  return (HTML_DROPPED as readonly string[]).includes(tagName);
}

/** An HTML node of the mdast that is nothing but closed comments (`<!-- liggende -->`): it shows nothing either way. */
export function isOnlyComments(html: string): boolean {
  return /^\s*(?:<!--(?:(?!-->)[\s\S])*-->\s*)+$/.test(html);
}
