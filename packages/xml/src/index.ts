export type { ErrorDocument, ErrorFields } from './errors.js'
export { errorToJson, errorToXml } from './errors.js'
export { toXml } from './to-xml.js'
