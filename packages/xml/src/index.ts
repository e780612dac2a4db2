export type { ErrorDocument, ErrorFields } from './errors.js'
export { errorToJson, errorToXml } from './errors.js'
export { personToXml, toXml } from './to-xml.js'
