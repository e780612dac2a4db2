/** The routes of docs/spec.md §9.1 and §9.5, matched on the raw path as sent. */
export type RouteName =
  | 'search'
  | 'person'
  | 'site-profile'
  | 'person-profile'
  | 'health'
  | 'admin-profiles'
  | 'admin-profile'
  | 'admin-connections'
  | 'admin-groups'
  | 'admin-snapshot'
  | 'admin-test-mode'

export interface Route {
  name: RouteName
  /** The methods the route answers; any other is a 405. */
  methods: readonly string[]
  /** Whether answers negotiate their format (§9.3); the others are JSON, as their endpoints were. */
  negotiated: boolean
  /** Only a service in test mode has this route; for any other it is an unknown path (404). */
  testModeOnly?: true
}

const ROUTES: readonly (Route & { path: RegExp })[] = [
  { name: 'search', path: /^\/v1\/people-search(?::\(.*\))?$/s, methods: ['GET'], negotiated: true },
  { name: 'person', path: /^\/v1\/people\/[^/]+$/, methods: ['GET'], negotiated: true },
  { name: 'site-profile', path: /^\/profile\/view$/, methods: ['GET'], negotiated: true },
  { name: 'person-profile', path: /^\/person-profile$/, methods: ['POST'], negotiated: false },
  { name: 'health', path: /^\/health$/, methods: ['GET'], negotiated: false },
  { name: 'admin-profiles', path: /^\/admin\/profiles$/, methods: ['PUT'], negotiated: false },
  { name: 'admin-profile', path: /^\/admin\/profiles\/[^/]+$/, methods: ['DELETE'], negotiated: false },
  {
    name: 'admin-connections',
    path: /^\/admin\/connections$/,
    methods: ['PUT', 'DELETE'],
    negotiated: false,
  },
  { name: 'admin-groups', path: /^\/admin\/groups$/, methods: ['PUT', 'DELETE'], negotiated: false },
  { name: 'admin-snapshot', path: /^\/admin\/snapshot$/, methods: ['POST'], negotiated: false },
  {
    name: 'admin-test-mode',
    path: /^\/admin\/test-mode$/,
    methods: ['POST'],
    negotiated: false,
    testModeOnly: true,
  },
]

/** The route a raw path names on a service (in test mode or not), or `undefined` (a 404 `unknown-resource`). */
export function routeOf(path: string, testMode = false): Route | undefined {
  return ROUTES.find((route) => route.path.test(path) && (testMode || route.testModeOnly !== true))
}
