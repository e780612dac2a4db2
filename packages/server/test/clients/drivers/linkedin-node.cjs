// Runs linkedin-node@1.0.0, unmodified, in a process of its own: loading it replaces the global
// `URL` with the legacy `url` module (lib/lib/linkedInOauth.js assigns `URL` without `var`), so no
// code that needs the WHATWG URL (fetch, the server) may share its process.
//
// Usage: node linkedin-node.cjs '<job JSON>'. The job:
//   { apiServer, apiAuthority, consumerKey, consumerSecret,
//     calls: [{ method: 'search' | 'profile', options, extraQuery?, token: { token, secret } }] }
// `extraQuery` is appended to the path `Lin.api` built (its search knows no `facet=` but the
// network one, and no `facets=`), before the client signs and sends it. Prints one JSON line: for
// each call, the path it was given and what the client handed its callback: `failed` (an error
// was passed), the HTTP status, the body it read (a string: the client parses nothing), on an
// error the body it kept (`errorData`) and the message it extracted from it with its own regex;
// or `transport` when the request never got an answer.
const Lin = require('linkedin-node')

const job = JSON.parse(process.argv[2])

Lin.init({
  oauth: {
    apiKey: job.consumerKey,
    apiSecret: job.consumerSecret,
    apiServer: job.apiServer,
    apiAuthority: job.apiAuthority,
    // Never used by these calls, but without them the client prints a warning on stdout.
    directRequestServer: 'https://www.linkedin.com',
    directRequestUrl: 'https://www.linkedin.com/uas/oauth/direct',
    tokenServer: 'https://api.linkedin.com',
  },
})

function run(call) {
  const api = Lin.api('v1', 'peopleAPI', call.method, call.options)
  if (api === undefined) return Promise.resolve({ transport: `Lin.api refused ${call.method}` })
  if (call.extraQuery) api.path += (api.path.includes('?') ? '&' : '?') + call.extraQuery
  const sent = api.path
  return new Promise((resolve) => {
    Lin.makeRequest({ token: call.token }, { api }, (error, result) => {
      const response = result?.response ?? {}
      if (error && response.statusCode === undefined) {
        resolve({ sent, transport: String(error?.message ?? error) })
        return
      }
      resolve({
        sent,
        failed: Boolean(error),
        statusCode: response.statusCode,
        body: response.body,
        errorData: error?.data,
        error: response.error,
      })
    })
  })
}

async function main() {
  const answers = []
  for (const call of job.calls) answers.push(await run(call))
  process.stdout.write(`${JSON.stringify(answers)}\n`)
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`)
  process.exitCode = 1
})
