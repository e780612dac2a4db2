import { PeopleIndex, type Profile } from '@people-search/core'
import { type RunningServer, startServer } from '../../src/server.js'

export const NOW = new Date('2026-06-15T12:00:00Z')
export const SECRET = 'http test secret, at least 32 bytes long'

/** Tokens of the test world: one per viewer. */
export const TOKENS = { ann: 'tok-ann', bob: 'tok-bob', exe: 'tok-exe', ghost: 'tok-ghost' } as const

function person(id: string, firstName: string, lastName: string, extra: Partial<Profile> = {}): Profile {
  return {
    id,
    firstName,
    lastName,
    headline: `${firstName} software engineer`,
    summary: `${firstName} connections summary`,
    numConnections: id.length * 10,
    location: { name: 'San Francisco Bay Area', code: 'us:84', postalCode: '94105' },
    industry: { code: 4, name: 'Computer Software' },
    visibility: { summary: 'connections' },
    ...extra,
  }
}

/** ann — bob — cat — dan; eve shares a group with ann; oli is out of everyone's network; exe is an executive. */
export function testIndex(): PeopleIndex {
  const index = new PeopleIndex({ now: () => NOW, secret: SECRET })
  index.add([
    person('ann', 'Ann', 'Lee'),
    person('bob', 'Bob', 'Ray', { location: { name: 'Greater New York City Area', code: 'us:70' } }),
    person('cat', 'Cat', 'Poe', { industry: { code: 6, name: 'Internet' } }),
    person('dan', 'Dan', 'Ng'),
    person('eve', 'Eve', 'Ito'),
    person('oli', 'Oli', 'Out', { publicProfileUrl: 'https://www.linkedin.com/in/oli-out' }),
    person('exe', 'Exa', 'Cutive', { accountLevel: 'executive' }),
  ])
  index.connect('ann', 'bob')
  index.connect('bob', 'cat')
  index.connect('cat', 'dan')
  index.connect('exe', 'ann')
  index.joinGroup('ann', 'g1')
  index.joinGroup('eve', 'g1')
  return index
}

export async function testServer(config: Parameters<typeof startServer>[0] = {}): Promise<RunningServer> {
  return startServer({
    index: testIndex(),
    port: 0,
    now: () => NOW,
    ...config,
    config: {
      accessTokens: {
        [TOKENS.ann]: 'ann',
        [TOKENS.bob]: 'bob',
        [TOKENS.exe]: 'exe',
        [TOKENS.ghost]: 'nobody',
      },
      ...config.config,
    },
  })
}
