import { AliasTable, zipfWeights } from './zipf.js'

export interface Industry {
  readonly code: number
  readonly name: string
}

/**
 * Forty-two industries with their legacy LinkedIn industry codes, most common first: the rank
 * order is the order of the Zipf weights (s = 1, q = 2), so about one member in nine is in
 * Information Technology and Services and the last few hold a fraction of a percent each.
 */
export const INDUSTRIES: readonly Industry[] = [
  { code: 96, name: 'Information Technology and Services' },
  { code: 4, name: 'Computer Software' },
  { code: 14, name: 'Hospital & Health Care' },
  { code: 43, name: 'Financial Services' },
  { code: 27, name: 'Retail' },
  { code: 68, name: 'Higher Education' },
  { code: 80, name: 'Marketing and Advertising' },
  { code: 104, name: 'Staffing and Recruiting' },
  { code: 48, name: 'Construction' },
  { code: 11, name: 'Management Consulting' },
  { code: 41, name: 'Banking' },
  { code: 6, name: 'Internet' },
  { code: 8, name: 'Telecommunications' },
  { code: 44, name: 'Real Estate' },
  { code: 42, name: 'Insurance' },
  { code: 47, name: 'Accounting' },
  { code: 67, name: 'Primary/Secondary Education' },
  { code: 75, name: 'Government Administration' },
  { code: 53, name: 'Automotive' },
  { code: 57, name: 'Oil & Energy' },
  { code: 15, name: 'Pharmaceuticals' },
  { code: 9, name: 'Law Practice' },
  { code: 31, name: 'Hospitality' },
  { code: 100, name: 'Non-Profit Organization Management' },
  { code: 137, name: 'Human Resources' },
  { code: 12, name: 'Biotechnology' },
  { code: 116, name: 'Logistics and Supply Chain' },
  { code: 112, name: 'Electrical/Electronic Manufacturing' },
  { code: 52, name: 'Aviation & Aerospace' },
  { code: 34, name: 'Food & Beverages' },
  { code: 17, name: 'Medical Devices' },
  { code: 46, name: 'Investment Management' },
  { code: 7, name: 'Semiconductors' },
  { code: 3, name: 'Computer Hardware' },
  { code: 28, name: 'Entertainment' },
  { code: 99, name: 'Design' },
  { code: 118, name: 'Computer & Network Security' },
  { code: 109, name: 'Computer Games' },
  { code: 70, name: 'Research' },
  { code: 126, name: 'Media Production' },
  { code: 32, name: 'Restaurants' },
  { code: 124, name: 'Health, Wellness and Fitness' },
]

/** Draws an index into `INDUSTRIES`. */
export const industryTable = new AliasTable(zipfWeights(INDUSTRIES.length, 1, 2))
