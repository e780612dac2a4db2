/** The query classes, in report order. */
import type { QueryScenario } from './scenario.js'
import { q1 } from './scenarios/q1-common-keyword.js'
import { q2 } from './scenarios/q2-two-keywords.js'
import { q3 } from './scenarios/q3-exact-name.js'
import { q4 } from './scenarios/q4-company-facets.js'
import { q5 } from './scenarios/q5-three-keywords-relevance.js'
import { q6 } from './scenarios/q6-distance-network.js'
import { q7 } from './scenarios/q7-deep-paging.js'

export const QUERY_SCENARIOS: readonly QueryScenario[] = [q1, q2, q3, q4, q5, q6, q7]
