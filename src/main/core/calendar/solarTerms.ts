import { dayNumberOf } from './dates'

/**
 * 清明 is the day (Beijing time, UTC+8) on which the Sun's apparent geocentric longitude reaches 15°.
 * Computed rather than tabulated so any year works; the Earth's heliocentric longitude uses the
 * truncated VSOP87 series of Meeus, *Astronomical Algorithms* (2nd ed.), Appendix III (the same
 * terms as NREL's Solar Position Algorithm), good to about 1″, i.e. well under a minute of time —
 * less than the uncertainty of ΔT for future years. Each term is [A, B, C] of A·cos(B + C·τ).
 */
type Term = readonly [number, number, number]

const L0: readonly Term[] = [
  [175347046, 0, 0], [3341656, 4.6692568, 6283.07585], [34894, 4.6261, 12566.1517],
  [3497, 2.7441, 5753.3849], [3418, 2.8289, 3.5231], [3136, 3.6277, 77713.7715],
  [2676, 4.4181, 7860.4194], [2343, 6.1352, 3930.2097], [1324, 0.7425, 11506.7698],
  [1273, 2.0371, 529.691], [1199, 1.1096, 1577.3435], [990, 5.233, 5884.927],
  [902, 2.045, 26.298], [857, 3.508, 398.149], [780, 1.179, 5223.694],
  [753, 2.533, 5507.553], [505, 4.583, 18849.228], [492, 4.205, 775.523],
  [357, 2.92, 0.067], [317, 5.849, 11790.629], [284, 1.899, 796.298],
  [271, 0.315, 10977.079], [243, 0.345, 5486.778], [206, 4.806, 2544.314],
  [205, 1.869, 5573.143], [202, 2.458, 6069.777], [156, 0.833, 213.299],
  [132, 3.411, 2942.463], [126, 1.083, 20.775], [115, 0.645, 0.98],
  [103, 0.636, 4694.003], [102, 0.976, 15720.839], [102, 4.267, 7.114],
  [99, 6.21, 2146.17], [98, 0.68, 155.42], [86, 5.98, 161000.69],
  [85, 1.3, 6275.96], [85, 3.67, 71430.7], [80, 1.81, 17260.15],
  [79, 3.04, 12036.46], [75, 1.76, 5088.63], [74, 3.5, 3154.69],
  [74, 4.68, 801.82], [70, 0.83, 9437.76], [62, 3.98, 8827.39],
  [61, 1.82, 7084.9], [57, 2.78, 6286.6], [56, 4.39, 14143.5],
  [56, 3.47, 6279.55], [52, 0.19, 12139.55], [52, 1.33, 1748.02],
  [51, 0.28, 5856.48], [49, 0.49, 1194.45], [41, 5.37, 8429.24],
  [41, 2.4, 19651.05], [39, 6.17, 10447.39], [37, 6.04, 10213.29],
  [37, 2.57, 1059.38], [36, 1.71, 2352.87], [36, 1.78, 6812.77],
  [33, 0.59, 17789.85], [30, 0.44, 83996.85], [30, 2.74, 1349.87],
  [25, 3.16, 4690.48],
]
const L1: readonly Term[] = [
  [628331966747, 0, 0], [206059, 2.678235, 6283.07585], [4303, 2.6351, 12566.1517],
  [425, 1.59, 3.523], [119, 5.796, 26.298], [109, 2.966, 1577.344],
  [93, 2.59, 18849.23], [72, 1.14, 529.69], [68, 1.87, 398.15],
  [67, 4.41, 5507.55], [59, 2.89, 5223.69], [56, 2.17, 155.42],
  [45, 0.4, 796.3], [36, 0.47, 775.52], [29, 2.65, 7.11],
  [21, 5.34, 0.98], [19, 1.85, 5486.78], [19, 4.97, 213.3],
  [17, 2.99, 6275.96], [16, 0.03, 2544.31], [16, 1.43, 2146.17],
  [15, 1.21, 10977.08], [12, 2.83, 1748.02], [12, 3.26, 5088.63],
  [12, 5.27, 1194.45], [12, 2.08, 4694], [11, 0.77, 553.57],
  [10, 1.3, 6286.6], [10, 4.24, 1349.87], [9, 2.7, 242.73],
  [9, 5.64, 951.72], [8, 5.3, 2352.87], [6, 2.65, 9437.76],
  [6, 4.67, 4690.48],
]
const L2: readonly Term[] = [
  [52919, 0, 0], [8720, 1.0721, 6283.0758], [309, 0.867, 12566.152],
  [27, 0.05, 3.52], [16, 5.19, 26.3], [16, 3.68, 155.42],
  [10, 0.76, 18849.23], [9, 2.06, 77713.77], [7, 0.83, 775.52],
  [5, 4.66, 1577.34], [4, 1.03, 7.11], [4, 3.44, 5573.14],
  [3, 5.14, 796.3], [3, 6.05, 5507.55], [3, 1.19, 242.73],
  [3, 6.12, 529.69], [3, 0.31, 398.15], [3, 2.28, 553.57],
  [2, 4.38, 5223.69], [2, 3.75, 0.98],
]
const L3: readonly Term[] = [
  [289, 5.844, 6283.076], [35, 0, 0], [17, 5.49, 12566.15],
  [3, 5.2, 155.42], [1, 4.72, 3.52], [1, 5.3, 18849.23], [1, 5.97, 242.73],
]
const L4: readonly Term[] = [[114, 3.142, 0], [8, 4.13, 6283.08], [1, 3.84, 12566.15]]
const L5: readonly Term[] = [[1, 3.14, 0]]
const L_SERIES = [L0, L1, L2, L3, L4, L5]

const DEG = Math.PI / 180
const J2000 = 2451545
/** Julian Day of 1970-01-01 00:00 UT, to turn JD into our day numbers. */
const JD_UNIX_EPOCH = 2440587.5

function normalizeDegrees(x: number): number {
  return ((x % 360) + 360) % 360
}

/** Apparent geocentric ecliptic longitude of the Sun, degrees, at a Julian Ephemeris Day. */
export function apparentSolarLongitude(jde: number): number {
  const tau = (jde - J2000) / 365250
  let lRad = 0
  L_SERIES.forEach((series, power) => {
    let sum = 0
    for (const [a, b, c] of series) sum += a * Math.cos(b + c * tau)
    lRad += sum * tau ** power
  })
  const heliocentric = (lRad / 1e8) / DEG
  const t = tau * 10
  // Nutation in longitude, the four largest terms (Meeus ch. 22): within 0.5″.
  const omega = (125.04452 - 1934.136261 * t) * DEG
  const sunMean = (280.4665 + 36000.7698 * t) * DEG
  const moonMean = (218.3165 + 481267.8813 * t) * DEG
  const nutation =
    -17.2 * Math.sin(omega) - 1.32 * Math.sin(2 * sunMean) - 0.23 * Math.sin(2 * moonMean) + 0.21 * Math.sin(2 * omega)
  // Aberration −20.4898″/R; R from the Sun's mean anomaly is ample for a term this small.
  const anomaly = (357.52911 + 35999.05029 * t) * DEG
  const radius = 1.000140 - 0.016708 * Math.cos(anomaly) - 0.000139 * Math.cos(2 * anomaly)
  const fk5 = -0.09033
  const arcsec = nutation - 20.4898 / radius + fk5
  return normalizeDegrees(heliocentric + 180 + arcsec / 3600)
}

/**
 * ΔT = TT − UT in seconds: the polynomials of Espenak & Meeus (NASA, 2006). Past values are
 * measured; for the coming decades they are predictions, uncertain by a minute or so by 2100, which
 * only matters for a term within minutes of midnight (see resources/calendar/README.md).
 */
export function deltaT(year: number): number {
  if (year < 1900) throw new RangeError(`ΔT is not provided before 1900 (${year})`)
  if (year < 1920) {
    const t = year - 1900
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4
  }
  if (year < 1941) {
    const t = year - 1920
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3
  }
  if (year < 1961) {
    const t = year - 1950
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547
  }
  if (year < 1986) {
    const t = year - 1975
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718
  }
  if (year < 2005) {
    const t = year - 2000
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5
  }
  if (year < 2050) {
    const t = year - 2000
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2
  }
  if (year < 2150) return -20 + 32 * ((year - 1820) / 100) ** 2 - 0.5628 * (2150 - year)
  return -20 + 32 * ((year - 1820) / 100) ** 2
}

/**
 * The moment the Sun's apparent longitude reaches `longitude` degrees, searched near `guessDay`
 * (a day number within a few days of the answer). Returns Julian Ephemeris Day (TT).
 */
export function solarTermJde(longitude: number, guessDay: number): number {
  let jde = guessDay + JD_UNIX_EPOCH
  for (let i = 0; i < 20; i++) {
    const diff = ((longitude - apparentSolarLongitude(jde) + 540) % 360) - 180
    // The Sun moves a little under 1°/day; 365.2422/360 days per degree converges in a few steps.
    const step = (diff * 365.2422) / 360
    jde += step
    if (Math.abs(step) < 1e-7) break
  }
  return jde
}

/** The Beijing-time moment of a solar term as hours into its civil day, with its day number. */
export function solarTermBeijing(longitude: number, guessDay: number, year: number): { day: number; hour: number } {
  const jdUt = solarTermJde(longitude, guessDay) - deltaT(year) / 86400
  const beijing = jdUt - JD_UNIX_EPOCH + 8 / 24
  const day = Math.floor(beijing)
  return { day, hour: (beijing - day) * 24 }
}

/** Day number of 清明 (solar longitude 15°) in the given Gregorian year. */
export function qingming(year: number): number {
  return solarTermBeijing(15, dayNumberOf(year, 4, 5), year).day
}
