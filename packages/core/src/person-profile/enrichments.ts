/**
 * The optional enrichments of docs/spec.md §6.1 and the document field each one fills. A
 * lookup that excludes one leaves its field out altogether, not `null`: `null` would say
 * "not public".
 */
export const ENRICHMENTS = {
  certifications: 'certifications',
  projects: 'accomplishment_projects',
  publications: 'accomplishment_publications',
  skills: 'skills',
} as const
export type Enrichment = keyof typeof ENRICHMENTS
