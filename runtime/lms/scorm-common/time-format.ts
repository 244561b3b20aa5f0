// SCORM time formats (SCORM 1.2 and 2004 RTE data types; docs/rules/interactions.md §3–§4).

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** Whole hundredths of a second, never negative. */
function hundredths(ms: number): number {
  return Math.max(0, Math.round((Number.isFinite(ms) ? ms : 0) / 10));
}

/** 1.2 CMITimespan `HHHH:MM:SS.SS` (hours capped at 9999, the format's limit). */
export function scorm12Timespan(ms: number): string {
  const total = Math.min(hundredths(ms), 9999 * 360000 + 59 * 6000 + 5999);
  const hours = Math.floor(total / 360000);
  const minutes = Math.floor((total % 360000) / 6000);
  const seconds = Math.floor((total % 6000) / 100);
  const fraction = total % 100;
  return `${pad(hours, 4)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(fraction, 2)}`;
}

/** 1.2 CMITime `HH:MM:SS` (local time of day). */
export function scorm12TimeOfDay(epochMs: number): string {
  const date = new Date(epochMs);
  return `${pad(date.getHours(), 2)}:${pad(date.getMinutes(), 2)}:${pad(date.getSeconds(), 2)}`;
}

/** 2004 timeinterval: ISO 8601 duration with at most 2 decimals on seconds, e.g. `PT1H2M30.5S`. */
export function iso8601Duration(ms: number): string {
  const total = hundredths(ms);
  const hours = Math.floor(total / 360000);
  const minutes = Math.floor((total % 360000) / 6000);
  const seconds = (total % 6000) / 100;
  let text = "PT";
  if (hours > 0) text += `${hours}H`;
  if (minutes > 0) text += `${minutes}M`;
  if (seconds > 0 || text === "PT") text += `${Number(seconds.toFixed(2))}S`;
  return text;
}

/** 2004 time(second,10,0): `YYYY-MM-DDThh:mm:ss` (local time, no zone: docs/rules/interactions.md §3). */
export function scorm2004Timestamp(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}T${pad(d.getHours(), 2)}:${pad(d.getMinutes(), 2)}:${pad(d.getSeconds(), 2)}`;
}

/** A decimal for the data model: at most `decimals` places, no exponent, no trailing zeros. */
export function scormDecimal(value: number, decimals = 2): string {
  return String(Number(value.toFixed(decimals)));
}
