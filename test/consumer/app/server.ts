// The installed HTTP service, started for real on 127.0.0.1 and asked one search as a legacy
// client would ask it (docs/spec.md §9).
import { PeopleIndex } from '@people-search/core'
import { startServer } from '@people-search/server'

const index = new PeopleIndex()
index.add([
  { id: 'ann', firstName: 'Ann', lastName: 'Lee', headline: 'Java developer' },
  { id: 'bob', firstName: 'Bob', lastName: 'Ray' },
])
index.connect('ann', 'bob')
const server = await startServer({ index, port: 0, config: { accessTokens: { 'token-of-bob': 'bob' } } })
try {
  const response = await fetch(
    `${server.url}/v1/people-search?keywords=java&oauth2_access_token=token-of-bob`,
    {
      headers: { 'x-li-format': 'json' },
    },
  )
  const document = (await response.json()) as { numResults: number; people: { values: { id: string }[] } }
  console.log(
    response.status,
    response.headers.get('x-li-format'),
    document.numResults,
    document.people.values[0].id,
  )
} finally {
  await server.close()
}
