// The dependency rules of the project, checked by `pnpm lint` (docs/architecture.md).
// Inside @people-search/core the folders are layers, lowest first; a module may import its own
// layer and those below it, never one above. Between packages, only the public entry points.

/** Core's layers, lowest first. A layer is a list of paths under packages/core/src. */
const CORE_LAYERS = [
  ['errors.ts', 'text/', 'geo/'],
  ['domain/', 'access/'],
  ['model/'],
  ['index/', 'store/'],
  ['query/'],
  ['collect/'],
  ['result.ts', 'fields/'],
  ['profile/', 'person-profile/', 'lookup/', 'links/'],
  ['snapshot/'],
  ['people-index.ts'],
  ['index.ts', 'internal.ts'],
]

/**
 * The HTTP service's layers, lowest first (packages/server/src): the framework-free parts
 * (documents, credentials, throttles, admin bodies, durability) know nothing of the routes, the
 * routes nothing of Fastify, which only `app.ts` and `server.ts` see.
 */
const SERVER_LAYERS = [
  ['http/', 'auth/', 'throttle/'],
  ['admin/'],
  ['state/'],
  ['config/'],
  ['routes/'],
  ['app.ts'],
  ['server.ts'],
  ['index.ts'],
]

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** One rule per layer of a package: it may import its own layer and those below, never above. */
function layerRules(pkg, layers) {
  const root = `^packages/${pkg}/src/`
  const pathsOf = (some) => `${root}(${some.flat().map(escapeRegExp).join('|')})`
  return layers.slice(0, -1).map((layer, at) => ({
    name: `${pkg}-layer-${layer[0].replace(/\W/g, '')}`,
    comment: `${pkg}: ${layer.join(', ')} may not import a layer above it`,
    severity: 'error',
    from: { path: pathsOf([layer]) },
    to: { path: pathsOf(layers.slice(at + 1)) },
  }))
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle makes two modules one: neither can be understood or tested alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules('core', CORE_LAYERS),
    ...layerRules('server', SERVER_LAYERS),
    {
      name: 'fastify-only-in-the-app',
      comment: 'Routes, credentials, throttles and durability know nothing of the HTTP framework.',
      severity: 'error',
      from: { path: '^packages/server/src/', pathNot: '^packages/server/src/(app|server)\\.ts$' },
      to: { path: 'node_modules/.*fastify' },
    },
    {
      name: 'core-stands-alone',
      comment: 'core is the lowest package: it knows nothing of XML, HTTP, samples or tests.',
      severity: 'error',
      from: { path: '^packages/core/src/' },
      to: { path: '^(packages/(?!core/)|test/|bench/)' },
    },
    {
      name: 'packages-through-entry-points',
      comment: 'A package uses another one only through its public entry points, not its files.',
      severity: 'error',
      from: { path: '^packages/([^/]+)/' },
      to: { path: '^packages/[^/]+/(src|dist)/', pathNot: '^packages/$1/' },
    },
    {
      name: 'tests-and-bench-through-entry-points',
      comment: 'The oracle, the properties and the bench see the packages as a user does.',
      severity: 'error',
      from: { path: '^(test|bench)/' },
      to: { path: '^packages/[^/]+/(src|dist)/' },
    },
    {
      name: 'no-tests-in-products',
      comment: 'Shipped code never imports test or bench code.',
      severity: 'error',
      from: { path: '^packages/[^/]+/src/' },
      to: { path: '(^test/|^bench/|/test/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'types', 'default'] },
  },
}
