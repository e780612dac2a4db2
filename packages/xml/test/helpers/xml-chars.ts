/**
 * Test oracle for XML 1.0 `Char` (§2.2), written code point by code point so that it does not
 * share the implementation's regular expression.
 */
export function isXmlChar(codePoint: number): boolean {
  if (codePoint === 0x9 || codePoint === 0xa || codePoint === 0xd) return true
  if (codePoint >= 0x20 && codePoint <= 0xd7ff) return true
  if (codePoint >= 0xe000 && codePoint <= 0xfffd) return true
  return codePoint >= 0x10000 && codePoint <= 0x10ffff
}

/** The text minus the characters XML 1.0 forbids; `for…of` yields lone surrogates one by one. */
export function withoutForbidden(text: string): string {
  let kept = ''
  for (const char of text) if (isXmlChar(char.codePointAt(0) ?? 0)) kept += char
  return kept
}
