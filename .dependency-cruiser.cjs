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

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const CORE = '^packages/core/src/'
const pathsOf = (layers) => `${CORE}(${layers.flat().map(escapeRegExp).join('|')})`

const layerRules = CORE_LAYERS.slice(0, -1).map((layer, at) => ({
  name: `core-layer-${layer[0].replace(/\W/g, '')}`,
  comment: `${layer.join(', ')} may not import a layer above it`,
  severity: 'error',
  from: { path: pathsOf([layer]) },
  to: { path: pathsOf(CORE_LAYERS.slice(at + 1)) },
}))

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle makes two modules one: neither can be understood or tested alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
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
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'types', 'default'] },
  },
}
