// What an error answer must be: the legacy document of its status, in its format (docs/spec.md §5.3, §5.4, §9.3).
import type { Format } from './attacks.js'
import type { RawResponse } from './raw-client.js'

/** Why an answer is not the legacy error document of `status` in `format` (docs/spec.md §5.3, §5.4, §9.3), or undefined. */
export function documentProblem(
  response: RawResponse,
  status: readonly number[],
  format: Format,
): string | undefined {
  if (!status.includes(response.status)) return `HTTP ${response.status}, expected ${status.join(' or ')}`
  const type = format === 'json' ? 'application/json;charset=UTF-8' : 'text/xml;charset=UTF-8'
  if (response.headers['content-type'] !== type)
    return `content-type ${response.headers['content-type']}, expected ${type}`
  if (response.headers['x-li-format'] !== format)
    return `x-li-format ${response.headers['x-li-format']}, expected ${format}`
  if (format === 'json') {
    let doc: Record<string, unknown>
    try {
      doc = JSON.parse(response.body) as Record<string, unknown>
    } catch {
      return `a body that is not JSON: ${response.body.slice(0, 80)}`
    }
    if (Object.keys(doc).sort().join() !== 'errorCode,message,requestId,status,timestamp') {
      return `JSON keys ${Object.keys(doc).join()}`
    }
    if (doc.status !== response.status)
      return `status ${String(doc.status)} in the body, ${response.status} in HTTP`
    if (typeof doc.message !== 'string' || doc.message === '') return 'no message'
    return undefined
  }
  const inBody = /^<\?xml[^>]*>\s*<error>\s*<status>(\d+)<\/status>/.exec(response.body)?.[1]
  if (inBody === undefined) return `a body that is not an XML error document: ${response.body.slice(0, 80)}`
  if (Number(inBody) !== response.status) return `status ${inBody} in the body, ${response.status} in HTTP`
  if (!/<message>[^<]+<\/message>/.test(response.body)) return 'no message'
  return undefined
}

/** The request id an error document carries, JSON or XML. */
export function bodyRequestId(response: RawResponse): string | undefined {
  return (/"requestId": "([^"]*)"/.exec(response.body) ??
    /<request-id>([^<]*)<\/request-id>/.exec(response.body))?.[1]
}
