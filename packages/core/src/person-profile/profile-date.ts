/** A date of a Person Profile document: `{ day, month, year }`; a partial date has `null` day or month. */
export interface ProfileDate {
  day: number | null
  month: number | null
  year: number
}
