/**
 * Every code point that XML 1.0 does not allow anywhere in a document (the complement of the
 * `Char` production, §2.2): C0 controls other than tab, LF and CR, lone surrogates, U+FFFE
 * and U+FFFF. With the `u` flag a well-formed surrogate pair is one code point and stays.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/**
 * The text with the characters XML 1.0 forbids dropped (docs/spec.md §5.3). Escaping is not done here:
 * the builder does it, so there is one escaping rule in the package.
 */
export function xmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, '')
}
