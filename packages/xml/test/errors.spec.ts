import { PeopleSearchError } from '@people-search/core'
import { type ErrorFields, errorToJson, errorToXml } from '@people-search/xml'
import { describe, expect, it } from 'vitest'

// The recorded error of fixtures/legacy-api/spring-error_not_found.json, field for field.
const notFound: ErrorFields = {
  status: 404,
  errorCode: 0,
  message: 'Invalid member id {1234}',
  requestId: 'IC4IG64OXE',
  timestamp: 1375715512125,
}

describe('error documents (docs/spec.md §3.7, §5.3, §5.4)', () => {
  it('writes the XML error: status, timestamp, request-id, error-code, message', () => {
    expect(errorToXml(notFound)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        '<error>',
        '  <status>404</status>',
        '  <timestamp>1375715512125</timestamp>',
        '  <request-id>IC4IG64OXE</request-id>',
        '  <error-code>0</error-code>',
        '  <message>Invalid member id {1234}</message>',
        '</error>',
        '',
      ].join('\n'),
    )
  })

  it('writes the JSON error with the recorded key order and nothing else', () => {
    const json = errorToJson(notFound)
    expect(JSON.stringify(json)).toBe(
      '{"errorCode":0,"message":"Invalid member id {1234}","requestId":"IC4IG64OXE","status":404,"timestamp":1375715512125}',
    )
  })

  it('writes the documents of a PeopleSearchError', () => {
    const error = new PeopleSearchError(
      'unknown-member',
      { member: '1234' },
      { requestId: 'R', timestamp: 1 },
    )
    expect(JSON.stringify(errorToJson(error))).toBe(
      '{"errorCode":0,"message":"Unknown member {1234}","requestId":"R","status":404,"timestamp":1}',
    )
    expect(errorToXml(error)).toContain('<message>Unknown member {1234}</message>')
  })

  it('escapes the message in XML and keeps it as given in JSON', () => {
    const error = {
      status: 400,
      errorCode: 0,
      message: 'Bad <keywords> "a&b"\u0000',
      requestId: 'R',
      timestamp: 1,
    }
    expect(errorToXml(error)).toContain('<message>Bad &lt;keywords&gt; &quot;a&amp;b&quot;</message>')
    expect(errorToJson(error).message).toBe(error.message)
  })
})
