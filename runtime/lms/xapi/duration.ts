// ISO 8601 durations for result.duration (cmi5 §9.5: required on Completed, Passed, Failed, Terminated).

/** `PT1H2M3.45S` style; centisecond precision (what SCORM 2004 and most LRSs keep). */
export function isoDuration(milliseconds: number): string {
  const totalCs = Math.max(0, Math.round(milliseconds / 10));
  const hours = Math.floor(totalCs / 360_000);
  const minutes = Math.floor((totalCs % 360_000) / 6_000);
  const cs = totalCs % 6_000;
  const seconds = cs % 100 === 0 ? String(cs / 100) : (cs / 100).toFixed(2).replace(/0$/, "");
  let out = "PT";
  if (hours > 0) out += `${hours}H`;
  if (minutes > 0) out += `${minutes}M`;
  if (cs > 0 || out === "PT") out += `${seconds}S`;
  return out;
}

const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Milliseconds of an ISO 8601 duration (years/months approximated), or null when malformed. */
export function parseIsoDuration(value: string): number | null {
  const m = ISO_DURATION.exec(value);
  if (!m || value === "P" || value.endsWith("T")) return null;
  const [, y, mo, w, d, h, mi, s] = m.map((x) => (x === undefined ? 0 : Number(x)));
  return ((((y! * 365 + mo! * 30 + w! * 7 + d!) * 24 + h!) * 60 + mi!) * 60 + s!) * 1000;
}
